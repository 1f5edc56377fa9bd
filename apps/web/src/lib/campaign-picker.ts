/**
 * Choosing a campaign on the pages that show one campaign at a time (findings …): the campaigns in
 * the order people look for them — in progress first, then announced, closed, finalized, archived,
 * in the list's own order within each — each named so that two plans with the same title are told apart, and
 * the page's last choice remembered on this browser.
 */
import type { Campaign, CampaignStatus } from '@thidua/contract';

type Named = Pick<Campaign, 'id' | 'title' | 'number' | 'year'>;
type Pickable = Named & Pick<Campaign, 'status' | 'upcoming'>;

const STATUS_ORDER: Record<CampaignStatus, number> = { open: 0, closed: 2, finalized: 3, archived: 4, draft: 5 };

function rank(c: Pickable): number {
  return c.status === 'open' && c.upcoming ? 1 : STATUS_ORDER[c.status];
}

/** In progress first, then upcoming, closed, finalized, archived, drafts; within each the list's own order (newest first). */
export function orderForPicking<T extends Pickable>(campaigns: readonly T[]): T[] {
  return [...campaigns].sort((a, b) => rank(a) - rank(b));
}

/** The title, with its number and year when another campaign of the list has the same title. */
export function pickerLabel(c: Named, all: readonly Named[]): string {
  const twin = all.some((o) => o.id !== c.id && o.title.trim().toLowerCase() === c.title.trim().toLowerCase());
  return twin ? `${c.title} (số ${c.number}, năm ${c.year})` : c.title;
}

const storageKey = (page: string) => `thidua.campaign-choice.${page}`;

/** The campaign this page showed last on this browser, if any. */
export function rememberedCampaign(page: string): string | null {
  try {
    return globalThis.localStorage?.getItem(storageKey(page)) ?? null;
  } catch {
    return null; // storage refused (private mode): nothing remembered
  }
}

export function rememberCampaign(page: string, id: string): void {
  try {
    globalThis.localStorage?.setItem(storageKey(page), id);
  } catch {
    // storage refused: the choice lasts as long as the URL
  }
}

/** The URL's choice, else the remembered one, else the first in picking order (among `ordered`). */
export function chooseCampaign<T extends Pickable>(
  ordered: readonly T[],
  fromUrl: string | undefined,
  page: string,
): T | undefined {
  const wanted = fromUrl ?? rememberedCampaign(page);
  return ordered.find((c) => c.id === wanted) ?? ordered[0];
}
