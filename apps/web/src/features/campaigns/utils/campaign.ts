/**
 * Campaign rules the screens mirror from the contract, so they offer only what the API accepts
 * (the API stays the authority): which lifecycle moves a user may make, what may still be edited,
 * and the dates of the campaign's timeline.
 */
import {
  CAMPAIGN_ACTIONS,
  CAMPAIGN_FIELDS_EDITABLE_WHEN_PUBLISHED,
  CAMPAIGN_TRANSITIONS,
  ownUnitsFor,
} from '@thidua/contract';
import type { Campaign, CampaignAction, CampaignStatus, Me, UpdateCampaignBody } from '@thidua/contract';
import { canUser, holdsWidely } from '../../../lib/permissions.ts';

export const STATUS_COLORS: Record<CampaignStatus, string> = {
  draft: 'default',
  open: 'green',
  closed: 'orange',
  finalized: 'blue',
  archived: 'default',
};

/** Lifecycle moves possible from this status that the user may make (`campaign.<action>`). */
export function availableActions(status: CampaignStatus, user: Me | null): CampaignAction[] {
  return CAMPAIGN_ACTIONS.filter(
    (a) => CAMPAIGN_TRANSITIONS[a].from.includes(status) && canUser(user, `campaign.${a}`),
  );
}

export function canAuthorCampaigns(user: Me | null): boolean {
  return canUser(user, 'campaign.author');
}

/** Units the user enrols as a member of them (the standing office enrols any unit: see `enrolsAnyUnit`). */
export function enrollingUnits(user: Me | null): string[] {
  return ownUnitsFor(user, 'enrollment.manage');
}

/** The standing office enrols any participating unit itself. */
export function enrolsAnyUnit(user: Me | null): boolean {
  return holdsWidely(user, 'enrollment.manage');
}

export type EditScope = 'all' | 'published' | 'none';

/** Drafts change freely; open or closed campaigns only a few fields; finalized or archived ones not at all. */
export function editScope(status: CampaignStatus): EditScope {
  if (status === 'draft') return 'all';
  if (status === 'open' || status === 'closed') return 'published';
  return 'none';
}

const PUBLISHED_EDITABLE = new Set<string>(CAMPAIGN_FIELDS_EDITABLE_WHEN_PUBLISHED);

export function isFieldEditable(scope: EditScope, field: keyof UpdateCampaignBody): boolean {
  return scope === 'all' || (scope === 'published' && PUBLISHED_EDITABLE.has(field));
}

/** Criteria change only in a draft; afterwards only their guidance. */
export function criteriaFrozen(status: CampaignStatus): boolean {
  return status !== 'draft';
}

/** Today in Vietnam as YYYY-MM-DD (the campaign's dates are Vietnamese calendar days). */
export function todayInVietnam(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

export type TimelineKey = 'issuedOn' | 'startsOn' | 'submissionDeadline' | 'endsOn' | 'dossierDeadline';

export interface TimelineEntry {
  key: TimelineKey;
  date: string | null;
}

/** The campaign's dates in the order they fall (undated ones last, in their natural place). */
export function timelineOf(
  c: Pick<Campaign, 'issuedOn' | 'startsOn' | 'endsOn' | 'submissionDeadline' | 'dossierDeadline'>,
): TimelineEntry[] {
  const natural: TimelineEntry[] = [
    { key: 'issuedOn', date: c.issuedOn },
    { key: 'startsOn', date: c.startsOn },
    { key: 'submissionDeadline', date: c.submissionDeadline },
    { key: 'endsOn', date: c.endsOn },
    { key: 'dossierDeadline', date: c.dossierDeadline },
  ];
  // Dated entries by date (Array.sort is stable: equal dates keep the natural order, e.g. the
  // self-assessment deadline before the end); an unsigned plan first, no dossier deadline last.
  const dated = natural.filter((e) => e.date).sort((a, b) => a.date!.localeCompare(b.date!));
  const undated = natural.filter((e) => !e.date);
  return [...undated.filter((e) => e.key === 'issuedOn'), ...dated, ...undated.filter((e) => e.key !== 'issuedOn')];
}
