/**
 * PAGE REGISTRY — what the app knows about each page of the signed-in app: its module (loaded
 * lazily), title, who may open it and its place in the side menu and the home page's quick links.
 * Its route — the same literal path, typed params and search — is declared in router.tsx.
 *
 * To add a page:
 *
 *   1. Write the page as a default-exported component in `src/app/routes/<name>.tsx` (it composes
 *      components from `src/features/<domain>/components`; features do not import each other).
 *   2. Append an entry here:
 *        {
 *          path: '/phong-trao',                          // Vietnamese, kebab-case, no diacritics
 *          load: () => import('./routes/campaigns.tsx'),  // lazy: keeps the sign-in route small
 *          titleKey: 'pages.campaigns.title',            // in src/locales/vi.json and en.json
 *          access: { permission: 'campaign.read' },     // omit = every signed-in user
 *          nav: { icon: <FlagOutlined />, order: 40 },  // omit for pages reached by links only
 *        },
 *      A detail page uses a path parameter (`/phong-trao/$campaignId`) and usually no `nav`.
 *   3. Add its route to router.tsx: `createRoute(page('/phong-trao'))`, with `validateSearch` (a
 *      parser in search-params.ts) if it keeps state in the URL, and list it in the route tree;
 *      the type check fails while a page here has no route. The page reads its params and search
 *      through the route's typed API: `getRouteApi('/_app/phong-trao/$campaignId').useParams()`.
 *   4. Add the texts to both locale files (src/locales/*.json), or keep a feature's texts beside it
 *      and register them with `registerTranslations(vi, () => import('./en.json'))` (lib/i18n.ts).
 *
 * Pages anyone may open without signing in go in `publicPages` at the end of this file instead:
 * they are routes outside the app layout and its sign-in guard.
 *
 * `access` names a permission of the contract's table (packages/contract/src/permissions.ts); it
 * decides the menu and a friendly 403 page, while the API enforces access itself.
 *
 * This file is part of the start-up bundle, which the sign-in route must keep under 250 KB gzipped
 * (`pnpm --filter @thidua/web build` checks it). Import only *types* from @thidua/contract here:
 * a runtime import evaluates every TypeBox schema of the module, and TypeBox itself, at start-up.
 */
import type { ComponentType, ReactNode } from 'react';
import type { PageAccess } from '../lib/permissions.ts';
import {
  ApartmentOutlined,
  AuditOutlined,
  BookOutlined,
  BulbOutlined,
  CheckSquareOutlined,
  FileDoneOutlined,
  FlagOutlined,
  FolderOpenOutlined,
  FormOutlined,
  HistoryOutlined,
  HomeOutlined,
  InboxOutlined,
  IssuesCloseOutlined,
  MailOutlined,
  SnippetsOutlined,
  SolutionOutlined,
  StopOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
// The campaign screens keep their texts beside them; their titles are needed by the menu at start-up.
import '../features/campaigns/locales/register.ts';
// Self-assessment, findings and initiatives: only their page titles at start-up (the rest loads with the pages).
import '../features/submissions/locales/pages.ts';
import '../features/findings/locales/pages.ts';
import '../features/initiatives/locales/pages.ts';
import '../features/notifications/locales/pages.ts';
import '../features/progress/locales/pages.ts';
import '../features/scoreboard/locales/pages.ts';
import '../features/jobs/locales/pages.ts';
import '../features/award-catalogue/locales/pages.ts';
import '../features/reception/locales/pages.ts';
import '../features/awards/locales/pages.ts';
import '../features/councils/locales/pages.ts';
import '../features/dossiers/locales/pages.ts';
import '../features/decisions/locales/pages.ts';

export interface PageDef {
  /** URL path inside the app; TanStack Router syntax (`$param`). The route in router.tsx has the same. */
  path: string;
  /** The page module, loaded on first visit. */
  load: () => Promise<{ default: ComponentType }>;
  /** i18n key of the page title (browser tab, menu, quick links). */
  titleKey: string;
  /** Who may open the page: a permission of the contract's table; omitted = every signed-in user. */
  access?: PageAccess;
  /** Present = shown in the side menu (sorted by `order`) and on the home page's quick links. */
  nav?: {
    icon: ReactNode;
    order: number;
    /** i18n key of a one-line description for the home page quick links. */
    descriptionKey?: string;
    /** false = in the menu but not among the home page's quick links. */
    quickLink?: boolean;
  };
}

// `as const`: each entry keeps its literal path, which router.tsx and the menu's links are typed by.
export const pages = [
  {
    path: '/',
    load: () => import('./routes/home.tsx'),
    titleKey: 'pages.home.title',
    nav: { icon: <HomeOutlined />, order: 0, quickLink: false },
  },
  {
    path: '/cua-toi',
    load: () => import('./routes/my-campaigns.tsx'),
    titleKey: 'submissions.pages.mine.title',
    access: { permission: 'submission.write' },
    nav: { icon: <FormOutlined />, order: 10, descriptionKey: 'submissions.pages.mine.description' },
  },
  {
    path: '/tu-danh-gia/$submissionId',
    load: () => import('./routes/self-assessment.tsx'),
    titleKey: 'submissions.pages.form.title',
    // Reviewers may open it too (read-only); drafts answer 404 outside their unit.
    access: { permission: 'submission.read' },
  },
  {
    path: '/phong-trao',
    load: () => import('./routes/campaigns.tsx'),
    titleKey: 'campaigns.pages.list.title',
    nav: { icon: <FlagOutlined />, order: 20, descriptionKey: 'campaigns.pages.list.description' },
  },
  {
    path: '/phong-trao/$campaignId',
    load: () => import('./routes/campaign.tsx'),
    titleKey: 'campaigns.pages.detail.title',
  },
  {
    path: '/phong-trao/$campaignId/sua',
    load: () => import('./routes/campaign-edit.tsx'),
    titleKey: 'campaigns.pages.edit.title',
    access: { permission: 'campaign.author' },
  },
  // After the campaign pages: pageFor() matches by the part before the first parameter, and the
  // campaign list must stay the first match for /phong-trao.
  {
    path: '/phong-trao/$campaignId/tu-danh-gia',
    load: () => import('./routes/campaign-submissions.tsx'),
    titleKey: 'submissions.pages.list.title',
    // The reviewers' list: for those who read self-assessments beyond their own unit.
    access: { permission: 'submission.read', widely: true },
  },
  {
    path: '/phong-trao/$campaignId/tien-do',
    load: () => import('./routes/campaign-progress.tsx'),
    titleKey: 'progress.pages.dashboard.title',
    // The office and the leadership: the whole campaign; a unit's officer or head: their own unit.
    access: { permission: 'dashboard.read' },
  },
  {
    path: '/phong-trao/$campaignId/xep-hang',
    load: () => import('./routes/campaign-scoreboard.tsx'),
    titleKey: 'scoreboard.pages.board.title',
    access: { permission: 'scoreboard.read' },
  },
  {
    path: '/phong-trao/$campaignId/ho-so',
    load: () => import('./routes/campaign-dossiers.tsx'),
    titleKey: 'dossiers.pages.campaign.title',
    access: { permission: 'dossier.read' },
  },
  {
    path: '/phong-trao/$campaignId/tu-danh-gia/$submissionId',
    load: () => import('./routes/submission-review.tsx'),
    titleKey: 'submissions.pages.review.title',
    access: { permission: 'submission.read', widely: true },
  },
  {
    path: '/phong-trao/$campaignId/niem-yet',
    load: () => import('./routes/campaign-posting.tsx'),
    titleKey: 'decisions.pages.posting.title',
    access: { permission: 'decision.read' },
  },
  {
    path: '/quyet-dinh',
    load: () => import('./routes/decisions.tsx'),
    titleKey: 'decisions.pages.list.title',
    access: { permission: 'decision.read' },
    nav: { icon: <FileDoneOutlined />, order: 58, descriptionKey: 'decisions.pages.list.description' },
  },
  {
    path: '/quyet-dinh/$decisionId',
    load: () => import('./routes/decision.tsx'),
    titleKey: 'decisions.pages.decision.title',
    access: { permission: 'decision.read' },
  },
  {
    path: '/ton-tai',
    load: () => import('./routes/findings.tsx'),
    titleKey: 'findings.pages.register.title',
    access: { permission: 'finding.read' },
    nav: { icon: <IssuesCloseOutlined />, order: 40, descriptionKey: 'findings.pages.register.description' },
  },
  {
    path: '/sang-kien',
    load: () => import('./routes/initiatives.tsx'),
    titleKey: 'initiatives.pages.register.title',
    access: { permission: 'initiative.read' },
    nav: { icon: <BulbOutlined />, order: 50, descriptionKey: 'initiatives.pages.register.description' },
  },
  {
    path: '/ho-so',
    load: () => import('./routes/my-dossiers.tsx'),
    titleKey: 'dossiers.pages.mine.title',
    access: { permission: 'dossier.read' },
    nav: { icon: <FolderOpenOutlined />, order: 52, descriptionKey: 'dossiers.pages.mine.description' },
  },
  {
    path: '/ho-so/$dossierId',
    load: () => import('./routes/dossier.tsx'),
    titleKey: 'dossiers.pages.dossier.title',
    access: { permission: 'dossier.read' },
  },
  {
    path: '/tiep-nhan',
    load: () => import('./routes/reception-queue.tsx'),
    titleKey: 'reception.pages.queue.title',
    access: { permission: 'dossier.receive' },
    nav: { icon: <InboxOutlined />, order: 55, descriptionKey: 'reception.pages.queue.description' },
  },
  {
    path: '/tiep-nhan/$dossierId',
    load: () => import('./routes/reception-dossier.tsx'),
    titleKey: 'reception.pages.dossier.title',
    access: { permission: 'dossier.receive' },
  },
  {
    path: '/hoi-dong',
    load: () => import('./routes/councils.tsx'),
    titleKey: 'councils.pages.list.title',
    access: { permission: 'council.read' },
    nav: { icon: <SolutionOutlined />, order: 57, descriptionKey: 'councils.pages.list.description' },
  },
  {
    path: '/hoi-dong/phieu-cua-toi',
    load: () => import('./routes/council-my-votes.tsx'),
    titleKey: 'councils.pages.mine.title',
    access: { permission: 'council.vote' },
    nav: { icon: <CheckSquareOutlined />, order: 57.5, descriptionKey: 'councils.pages.mine.description' },
  },
  {
    path: '/hoi-dong/cuoc-hop/$meetingId',
    load: () => import('./routes/council-meeting.tsx'),
    titleKey: 'councils.pages.meeting.title',
    access: { permission: 'council.read' },
  },
  {
    path: '/khen-thuong',
    load: () => import('./routes/awards.tsx'),
    titleKey: 'awardRegister.pages.register.title',
    access: { permission: 'award.read' },
    nav: { icon: <TrophyOutlined />, order: 60, descriptionKey: 'awardRegister.pages.register.description' },
  },
  {
    path: '/khen-thuong/danh-muc',
    load: () => import('./routes/award-catalogue.tsx'),
    titleKey: 'awardCatalogue.pages.catalogue.title',
    access: { permission: 'award_type.read' },
    nav: { icon: <BookOutlined />, order: 800, descriptionKey: 'awardCatalogue.pages.catalogue.description' },
  },
  {
    path: '/khen-thuong/vuong-mac',
    load: () => import('./routes/award-blockers.tsx'),
    titleKey: 'awardCatalogue.pages.blockers.title',
    access: { permission: 'award_blocker.read' },
    nav: { icon: <StopOutlined />, order: 65, descriptionKey: 'awardCatalogue.pages.blockers.description' },
  },
  {
    path: '/mau-phong-trao',
    load: () => import('./routes/campaign-templates.tsx'),
    titleKey: 'campaigns.pages.templates.title',
    access: { permission: 'campaign.read_draft' },
    nav: { icon: <SnippetsOutlined />, order: 30, descriptionKey: 'campaigns.pages.templates.description' },
  },
  {
    path: '/don-vi',
    load: () => import('./routes/units.tsx'),
    titleKey: 'pages.units.title',
    nav: { icon: <ApartmentOutlined />, order: 100, descriptionKey: 'pages.units.description' },
  },
  {
    path: '/can-bo',
    load: () => import('./routes/people.tsx'),
    titleKey: 'pages.people.title',
    nav: { icon: <TeamOutlined />, order: 110, descriptionKey: 'pages.people.description' },
  },
  {
    path: '/tai-khoan',
    load: () => import('./routes/users.tsx'),
    titleKey: 'pages.users.title',
    access: { permission: 'user.manage' },
    nav: { icon: <UserSwitchOutlined />, order: 900, descriptionKey: 'pages.users.description' },
  },
  {
    path: '/nhat-ky',
    load: () => import('./routes/audit.tsx'),
    titleKey: 'pages.audit.title',
    access: { permission: 'audit.read' },
    nav: { icon: <AuditOutlined />, order: 910, descriptionKey: 'pages.audit.description' },
  },
  {
    path: '/tac-vu',
    load: () => import('./routes/jobs.tsx'),
    titleKey: 'jobs.pages.list.title',
    access: { permission: 'job.manage' },
    nav: { icon: <HistoryOutlined />, order: 920, descriptionKey: 'jobs.pages.list.description' },
  },
  {
    path: '/hop-thu-di',
    load: () => import('./routes/email-outbox.tsx'),
    titleKey: 'notifications.pages.outbox.title',
    access: { permission: 'job.manage' },
    nav: { icon: <MailOutlined />, order: 930, descriptionKey: 'notifications.pages.outbox.description' },
  },
  {
    path: '/doi-mat-khau',
    load: () => import('./routes/change-password.tsx'),
    titleKey: 'pages.changePassword.title',
    // Reached from the user menu in the header, so not in the side menu.
  },
] as const satisfies readonly PageDef[];

/** The path of a page of the signed-in app (a literal of the registry; router.tsx has its route). */
export type PagePath = (typeof pages)[number]['path'];
/** The path of a page in the side menu: none has parameters, so a link to one needs none. */
export type NavPath = Extract<(typeof pages)[number], { nav: object }>['path'];
export type Page = PageDef & { path: PagePath };
export type NavPage = Page & { path: NavPath; nav: NonNullable<PageDef['nav']> };

const registry: readonly Page[] = pages;

/** The page registered under this path. */
export function pageAt(path: PagePath): Page {
  const page = registry.find((p) => p.path === path);
  if (!page) throw new Error(`no page is registered at ${path}`);
  return page;
}

/** The side menu's pages (also the home page's quick links), in menu order. */
export function navPages(): NavPage[] {
  return registry.filter((p): p is NavPage => p.nav !== undefined).sort((a, b) => a.nav.order - b.nav.order);
}

/**
 * Pages anyone may open without signing in (no app layout, no session needed). Each becomes a route
 * outside the signed-in layout's guard.
 */
export interface PublicPageDef {
  path: string;
  load: () => Promise<{ default: ComponentType }>;
}

export const publicPages = [
  { path: '/cong-khai', load: () => import('./routes/public-campaigns.tsx') },
  { path: '/cong-khai/phong-trao/$campaignId', load: () => import('./routes/public-campaign.tsx') },
] as const satisfies readonly PublicPageDef[];

export type PublicPagePath = (typeof publicPages)[number]['path'];

/** The public page registered under this path. */
export function publicPageAt(path: PublicPagePath): PublicPageDef {
  const page = publicPages.find((p) => p.path === path);
  if (!page) throw new Error(`no public page is registered at ${path}`);
  return page;
}

/** The page whose path is the longest prefix of `pathname` (for the menu highlight and the title). */
export function pageFor(pathname: string): Page | undefined {
  let best: { page: Page; length: number } | undefined;
  for (const page of registry) {
    const base = page.path.split('/$')[0] || '/';
    const matches = base === '/' ? pathname === '/' : pathname === base || pathname.startsWith(`${base}/`);
    if (matches && (!best || base.length > best.length)) best = { page, length: base.length };
  }
  return best?.page;
}
