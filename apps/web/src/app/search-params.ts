/**
 * The search params each route accepts, parsed from the URL by the route's `validateSearch`
 * (app/router.tsx). A page reads them already typed (`getRouteApi(id).useSearch()`) and a link to
 * the route is checked against them. Every key is optional, so a plain link needs no `search`;
 * anything malformed in the URL is dropped rather than trusted.
 *
 * Part of the start-up bundle (router.tsx imports it): keep it free of imports.
 */

type RawSearch = Record<string, unknown>;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** Why the sign-in page was opened; each one shows its own notice. */
export const SIGN_IN_REASONS = ['expired', 'passwordChanged', 'signedOut'] as const;
export type SignInReason = (typeof SIGN_IN_REASONS)[number];

/** /dang-nhap?redirect=…&reason=…: where to go after signing in (checked again by safeRedirect), and why. */
export interface SignInSearch {
  redirect?: string;
  reason?: SignInReason;
}

export function parseSignInSearch(search: RawSearch): SignInSearch {
  const reason = SIGN_IN_REASONS.find((r) => r === search.reason);
  return { redirect: text(search.redirect), reason };
}

/** /don-vi?id=…: the selected unit (none = the tree only). */
export interface UnitsSearch {
  id?: string;
}

export function parseUnitsSearch(search: RawSearch): UnitsSearch {
  return { id: text(search.id) };
}

/** /ton-tai?phong-trao=…: the campaign whose findings are shown (none = the first running campaign). */
export interface FindingsSearch {
  'phong-trao'?: string;
}

export function parseFindingsSearch(search: RawSearch): FindingsSearch {
  return { 'phong-trao': text(search['phong-trao']) };
}

/** /phong-trao/$campaignId/sua?tab=tieu-chuan|cham-diem: open the editor on its criteria or its scoring rules (none = the plan). */
export interface CampaignEditSearch {
  tab?: 'tieu-chuan' | 'cham-diem';
}

export function parseCampaignEditSearch(search: RawSearch): CampaignEditSearch {
  return { tab: search.tab === 'tieu-chuan' || search.tab === 'cham-diem' ? search.tab : undefined };
}

/** The unit table filters of the progress dashboard (the contract's PROGRESS_FILTERS). */
export const PROGRESS_FILTER_VALUES = [
  'not_enrolled',
  'not_started',
  'draft',
  'submitted',
  'returned',
  'accepted',
  'enrolled',
  'on_time',
  'late',
  'overdue',
] as const;

/** /phong-trao/$campaignId/tien-do?trang-thai=late: the units shown (none = all). */
export interface ProgressSearch {
  'trang-thai'?: (typeof PROGRESS_FILTER_VALUES)[number];
}

export function parseProgressSearch(search: RawSearch): ProgressSearch {
  return { 'trang-thai': PROGRESS_FILTER_VALUES.find((v) => v === search['trang-thai']) };
}

/** /phong-trao/$campaignId/xep-hang?doi-tuong=ca-nhan&theo=khoi|cum&nhom=…: the scoreboard's target and grouping. */
export interface ScoreboardSearch {
  'doi-tuong'?: 'ca-nhan';
  theo?: 'khoi' | 'cum';
  nhom?: string;
}

export function parseScoreboardSearch(search: RawSearch): ScoreboardSearch {
  const theo = search.theo === 'khoi' || search.theo === 'cum' ? search.theo : undefined;
  return {
    'doi-tuong': search['doi-tuong'] === 'ca-nhan' ? 'ca-nhan' : undefined,
    theo,
    nhom: theo ? text(search.nhom) : undefined,
  };
}
