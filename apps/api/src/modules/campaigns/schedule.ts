/**
 * Campaigns that follow their dates (campaigns.follows_dates, on by default): the system opens a
 * draft on its start date and closes an open campaign the day after its last self-assessment
 * deadline — the campaign's own, or the latest per-unit extension granted — both days counted in
 * Vietnam's time zone. The planner runs on every tick of every instance (lib/jobs.ts); a job's key
 * names the campaign and the date, so each move is attempted once per date: when the office moves
 * the campaign by hand first, or changes the date, the job finds nothing to do and ends done. The
 * move itself is the office's own (applyTransition: the same launch checks, lock and audit), made
 * by the system: the audit event has no actor ("Hệ thống") and names the job in its request id.
 * A refused open (no criteria, no participants, already ended) fails the job with the reason, which
 * the administrator sees on the jobs page while it is retried with backoff.
 */
import type { JobContext, JobDefinition, JobPlanner, PlannedJob } from '../../lib/api-module.ts';
import type { Ctx } from '../../lib/context.ts';
import { addDays, todayInVietnam } from './dates.ts';
import { applyTransition } from './campaigns.service.ts';
import { findDraftsDue, findOpenPastDeadline, lockScheduleRow } from './schedule.repository.ts';

export const OPEN_JOB = 'campaign.open';
export const CLOSE_JOB = 'campaign.close';

interface OpenPayload {
  campaignId: string;
  startsOn: string;
}
interface ClosePayload {
  campaignId: string;
  closesOn: string;
}

/** Midnight of a date in Vietnam (UTC+7 all year), as an instant. */
function vietnamMidnight(date: string): Date {
  return new Date(`${date}T00:00:00+07:00`);
}

export const openJobKey = (campaignId: string, startsOn: string) => `${OPEN_JOB}:${campaignId}:${startsOn}`;
export const closeJobKey = (campaignId: string, closesOn: string) => `${CLOSE_JOB}:${campaignId}:${closesOn}`;

export const planCampaignDates: JobPlanner = async ({ db, now }) => {
  const today = todayInVietnam(now);
  const opens: PlannedJob[] = (await findDraftsDue(db, today)).map((c) => ({
    kind: OPEN_JOB,
    key: openJobKey(c.id, c.startsOn),
    payload: { campaignId: c.id, startsOn: c.startsOn } satisfies OpenPayload,
    runAt: vietnamMidnight(c.startsOn),
  }));
  const closes: PlannedJob[] = (await findOpenPastDeadline(db, today)).map((c) => {
    const closesOn = addDays(c.lastDeadline, 1);
    return {
      kind: CLOSE_JOB,
      key: closeJobKey(c.id, closesOn),
      payload: { campaignId: c.id, closesOn } satisfies ClosePayload,
      runAt: vietnamMidnight(closesOn),
    };
  });
  return [...opens, ...closes];
};

/** The system as the actor of a move: no account; the request id names the job. */
const systemCtx = (key: string): Ctx => ({ actor: null, requestId: `job:${key}` });

async function openOnStartDate({ db, now, log }: JobContext, payload: unknown): Promise<void> {
  const { campaignId, startsOn } = payload as OpenPayload;
  const today = todayInVietnam(now);
  await db.transaction(async (tx) => {
    const row = await lockScheduleRow(tx, campaignId);
    // Deleted, moved by hand, no longer following its dates, or moved to another start: nothing to do.
    if (!row || row.status !== 'draft' || !row.followsDates || row.startsOn !== startsOn || today < startsOn) {
      log.info({ campaignId, status: row?.status }, 'campaign schedule: nothing to open');
      return;
    }
    await applyTransition(tx, systemCtx(openJobKey(campaignId, startsOn)), row, 'open', today);
  });
}

async function closeAfterDeadline({ db, now, log }: JobContext, payload: unknown): Promise<void> {
  const { campaignId, closesOn } = payload as ClosePayload;
  const today = todayInVietnam(now);
  await db.transaction(async (tx) => {
    const row = await lockScheduleRow(tx, campaignId);
    // A deadline extended since the job was planned gives a later date, and a job of its own.
    if (
      !row ||
      row.status !== 'open' ||
      !row.followsDates ||
      addDays(row.lastDeadline, 1) !== closesOn ||
      today < closesOn
    ) {
      log.info({ campaignId, status: row?.status }, 'campaign schedule: nothing to close');
      return;
    }
    await applyTransition(tx, systemCtx(closeJobKey(campaignId, closesOn)), row, 'close', today);
  });
}

export const campaignJobs: JobDefinition[] = [
  { kind: OPEN_JOB, run: openOnStartDate },
  { kind: CLOSE_JOB, run: closeAfterDeadline },
];
