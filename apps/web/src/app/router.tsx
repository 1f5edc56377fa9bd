/**
 * The route tree: the sign-in page, and the app layout whose children come from the page
 * registry (pages.tsx — add pages there, not here). Every page component is loaded lazily, so the
 * sign-in route ships only the shell and its own form.
 *
 * Guards: the layout route waits for the session to be restored from the refresh cookie, then
 * sends anonymous visitors to /dang-nhap?redirect=…; a page's `access` (a permission of the
 * contract's table) gives a 403 page.
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
import { getSession, restoreSession, safeRedirect, SIGN_IN_PATH } from '../lib/auth.ts';
import { queryClient } from '../lib/query-client.ts';
import { pages, publicPages } from './pages.tsx';
import { ForbiddenError, NotFoundPage, PageSpinner, RouteError } from './route-fallbacks.tsx';

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
  validateSearch: (search: Record<string, unknown>): { redirect?: string; reason?: string } => ({
    redirect: typeof search.redirect === 'string' ? search.redirect : undefined,
    reason: typeof search.reason === 'string' ? search.reason : undefined,
  }),
  beforeLoad: async ({ search }) => {
    const session = await restoreSession();
    if (session.status === 'signedIn') throw redirect({ href: safeRedirect(search.redirect) });
  },
  component: lazyRouteComponent(() => import('../features/auth/components/sign-in-page.tsx')),
});

const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ location }) => {
    const [session] = await Promise.all([restoreSession(), loadPermissions()]);
    if (session.status !== 'signedIn') {
      throw redirect({ to: SIGN_IN_PATH, search: { redirect: location.href === '/' ? undefined : location.href } });
    }
  },
  component: lazyRouteComponent(() => import('./layout/app-layout.tsx')),
});

const pageRoutes = pages.map((page) =>
  createRoute({
    getParentRoute: () => appRoute,
    path: page.path,
    beforeLoad: async () => {
      const { mayOpen } = await loadPermissions();
      if (!mayOpen(getSession().user, page.access)) throw new ForbiddenError();
    },
    component: lazyRouteComponent(page.load),
    errorComponent: RouteError,
  }),
);

// Public pages hang off the root, outside the app layout's sign-in guard.
const publicRoutes = publicPages.map((page) =>
  createRoute({
    getParentRoute: () => rootRoute,
    path: page.path,
    component: lazyRouteComponent(page.load),
    errorComponent: RouteError,
  }),
);

const routeTree = rootRoute.addChildren([signInRoute, ...publicRoutes, appRoute.addChildren(pageRoutes)]);

export const router = createRouter({
  routeTree,
  defaultPreload: 'intent',
  defaultPendingComponent: PageSpinner,
  defaultPendingMs: 150,
  defaultErrorComponent: RouteError,
  scrollRestoration: true,
});

// The session ended without the user asking here (expired, or signed out in another tab): back
// to sign-in, then to this page.
setUnauthenticatedHandler((reason) => {
  queryClient.clear();
  const here = router.state.location.href;
  void router.navigate({ to: SIGN_IN_PATH, search: { redirect: here, reason } });
});
