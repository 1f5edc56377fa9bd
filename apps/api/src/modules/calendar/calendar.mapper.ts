/** Calendar feed rows to the contract's objects: what the account may know of its feed (never the token). */
import type { CalendarFeedStatus } from '@thidua/contract';
import type { CalendarFeedRow } from './calendar.repository.ts';

export function toFeedStatus(row: CalendarFeedRow | null): CalendarFeedStatus {
  return {
    active: row !== null,
    createdAt: row?.createdAt.toISOString() ?? null,
    lastFetchedAt: row?.lastFetchedAt?.toISOString() ?? null,
  };
}
