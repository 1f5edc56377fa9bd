/**
 * The route tree, typed: the sign-in page, the public pages, and the app layout with one route per
 * page of the registry (pages.tsx holds each page's module, title, access and menu entry; the
 * route here has the same literal path, and its `validateSearch` when it keeps state in the URL).
 * The router is registered with TanStack Router's types (the `Register` declaration below), so
 * every `to`, `params` and `search` in the app is checked against these routes, and a page reads
 * its own params and search typed: `getRouteApi('/_app/phong-trao/$campaignId').useParams()`.
 * Every page component is loaded lazily, so the sign-in route ships only the shell and its form.
 *
 * Guards: the layout route waits for the session to be restored from the refresh cookie, then
 * sends anonymous visitors to /dang-nhap?redirect=…; a page's `access` (a permission of the
 * contract's table) gives a 403 page. An account that must change its password (a password others
 * know: given by the administrator, or a demo account on a server) is held on
 * /doi-mat-khau-bat-buoc until it has: the API refuses it everything else anyway.
 */
import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  redirect,
  Outlet,
} from '@tanstack/react-router';
import { setUnauthenticatedHandler } from '../lib/api-client.ts';
import { getSession, PASSWORD_CHANGE_REQUIRED_PATH, restoreSession, safeRedirect, SIGN_IN_PATH } from '../lib/auth.ts';
import { queryClient } from '../lib/query-client.ts';
import { pageAt, publicPageAt, type PagePath, type PublicPagePath } from './pages.tsx';
import { ForbiddenError, NotFoundPage, PageSpinner, RouteError } from './route-fallbacks.tsx';
import {
  parseCampaignEditSearch,
  parseFindingsSearch,
  parseProgressSearch,
  parseScoreboardSearch,
  parseSignInSearch,
  parseUnitsSearch,
} from './search-params.ts';

// The permission table is a runtime import of the contract (TypeBox and its schemas): loaded with
// the signed-in app, never by the sign-in route (pages.tsx explains the start-up budget).
const loadPermissions = () => import('../lib/permissions.ts');

const rootRoute = createRootRoute({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: SIGN_IN_PATH,
  validateSearch: parseSignInSearch,
  beforeLoad: async ({ search }) => {
    const session = await restoreSession();
    if (session.status === 'signedIn') throw redirect({ href: safeRedirect(search.redirect) });
  },
  component: lazyRouteComponent(() => import('../features/auth/components/sign-in-page.tsx')),
});

/** The forced password change: only for a signed-in account that must change its password. */
const passwordChangeRequiredRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: PASSWORD_CHANGE_REQUIRED_PATH,
  beforeLoad: async () => {
    const session = await restoreSession();
    if (session.status !== 'signedIn') throw redirect({ to: SIGN_IN_PATH });
    if (!session.user?.mustChangePassword) throw redirect({ to: '/' });
  },
  component: lazyRouteComponent(() => import('../features/account/components/password-change-required-page.tsx')),
});

/** The signed-in app: a pathless layout (route id `/_app`) around every page of the registry. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: '_app',
  beforeLoad: async ({ location }) => {
    const [session] = await Promise.all([restoreSession(), loadPermissions()]);
    if (session.status !== 'signedIn') {
      throw redirect({ to: SIGN_IN_PATH, search: { redirect: location.href === '/' ? undefined : location.href } });
    }
    if (session.user?.mustChangePassword) throw redirect({ to: PASSWORD_CHANGE_REQUIRED_PATH });
  },
  component: lazyRouteComponent(() => import('./layout/app-layout.tsx')),
});

/**
 * A registry page's route options: its literal path under the app layout, the guard of its
 * `access` (a 403 page) and its lazily loaded component. Add `validateSearch` beside it.
 */
function page<const TPath extends PagePath>(path: TPath) {
  const { access, load } = pageAt(path);
  return {
    getParentRoute: () => appRoute,
    path,
    beforeLoad: async () => {
      const { mayOpen } = await loadPermissions();
      if (!mayOpen(getSession().user, access)) throw new ForbiddenError();
    },
    component: lazyRouteComponent(load),
    errorComponent: RouteError,
  };
}

const homeRoute = createRoute(page('/'));
const myCampaignsRoute = createRoute(page('/cua-toi'));
const selfAssessmentRoute = createRoute(page('/tu-danh-gia/$submissionId'));
const campaignsRoute = createRoute(page('/phong-trao'));
const campaignRoute = createRoute(page('/phong-trao/$campaignId'));
const campaignEditRoute = createRoute({
  ...page('/phong-trao/$campaignId/sua'),
  validateSearch: parseCampaignEditSearch,
});
const campaignSubmissionsRoute = createRoute(page('/phong-trao/$campaignId/tu-danh-gia'));
const submissionReviewRoute = createRoute(page('/phong-trao/$campaignId/tu-danh-gia/$submissionId'));
const campaignProgressRoute = createRoute({
  ...page('/phong-trao/$campaignId/tien-do'),
  validateSearch: parseProgressSearch,
});
const campaignScoreboardRoute = createRoute({
  ...page('/phong-trao/$campaignId/xep-hang'),
  validateSearch: parseScoreboardSearch,
});
const campaignPostingRoute = createRoute(page('/phong-trao/$campaignId/niem-yet'));
const decisionsRoute = createRoute(page('/quyet-dinh'));
const decisionRoute = createRoute(page('/quyet-dinh/$decisionId'));
const findingsRoute = createRoute({ ...page('/ton-tai'), validateSearch: parseFindingsSearch });
const initiativesRoute = createRoute(page('/sang-kien'));
const campaignDossiersRoute = createRoute(page('/phong-trao/$campaignId/ho-so'));
const myDossiersRoute = createRoute(page('/ho-so'));
const dossierRoute = createRoute(page('/ho-so/$dossierId'));
const receptionQueueRoute = createRoute(page('/tiep-nhan'));
const receptionDossierRoute = createRoute(page('/tiep-nhan/$dossierId'));
const councilsRoute = createRoute(page('/hoi-dong'));
const councilMeetingRoute = createRoute(page('/hoi-dong/cuoc-hop/$meetingId'));
const councilMyVotesRoute = createRoute(page('/hoi-dong/phieu-cua-toi'));
const awardsRoute = createRoute(page('/khen-thuong'));
const awardCatalogueRoute = createRoute(page('/khen-thuong/danh-muc'));
const awardBlockersRoute = createRoute(page('/khen-thuong/vuong-mac'));
const templatesRoute = createRoute(page('/mau-phong-trao'));
const unitsRoute = createRoute({ ...page('/don-vi'), validateSearch: parseUnitsSearch });
const peopleRoute = createRoute(page('/can-bo'));
const usersRoute = createRoute(page('/tai-khoan'));
const auditRoute = createRoute(page('/nhat-ky'));
const jobsRoute = createRoute(page('/tac-vu'));
const changePasswordRoute = createRoute(page('/doi-mat-khau'));
const emailOutboxRoute = createRoute(page('/hop-thu-di'));

const pageRoutes = [
  homeRoute,
  myCampaignsRoute,
  selfAssessmentRoute,
  campaignsRoute,
  campaignRoute,
  campaignEditRoute,
  campaignSubmissionsRoute,
  submissionReviewRoute,
  campaignProgressRoute,
  campaignScoreboardRoute,
  campaignPostingRoute,
  decisionsRoute,
  decisionRoute,
  findingsRoute,
  initiativesRoute,
  campaignDossiersRoute,
  myDossiersRoute,
  dossierRoute,
  receptionQueueRoute,
  receptionDossierRoute,
  councilsRoute,
  councilMeetingRoute,
  councilMyVotesRoute,
  awardsRoute,
  awardCatalogueRoute,
  awardBlockersRoute,
  templatesRoute,
  unitsRoute,
  peopleRoute,
  usersRoute,
  auditRoute,
  jobsRoute,
  changePasswordRoute,
  emailOutboxRoute,
] as const;

// Public pages hang off the root, outside the app layout's sign-in guard.
function publicPage<const TPath extends PublicPagePath>(path: TPath) {
  return {
    getParentRoute: () => rootRoute,
    path,
    component: lazyRouteComponent(publicPageAt(path).load),
    errorComponent: RouteError,
  };
}

const publicCampaignsRoute = createRoute(publicPage('/cong-khai'));
const publicCampaignRoute = createRoute(publicPage('/cong-khai/phong-trao/$campaignId'));
const publicRoutes = [publicCampaignsRoute, publicCampaignRoute] as const;

// Every page of the registry has its route: the type check names the ones that do not.
type Unrouted =
  | Exclude<PagePath, (typeof pageRoutes)[number]['path']>
  | Exclude<PublicPagePath, (typeof publicRoutes)[number]['path']>;
const everyPageRouted: [Unrouted] extends [never] ? true : { missingRoutes: Unrouted } = true;
void everyPageRouted;

const routeTree = rootRoute.addChildren([
  signInRoute,
  passwordChangeRequiredRoute,
  ...publicRoutes,
  appRoute.addChildren(pageRoutes),
]);

export const router = createRouter({
  routeTree,
  defaultPreload: 'intent',
  defaultPendingComponent: PageSpinner,
  defaultPendingMs: 150,
  defaultErrorComponent: RouteError,
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}

// The session ended without the user asking here (expired, or signed out in another tab): back
// to sign-in, then to this page.
setUnauthenticatedHandler((reason) => {
  queryClient.clear();
  const here = router.state.location.href;
  void router.navigate({ to: SIGN_IN_PATH, search: { redirect: here, reason } });
});
