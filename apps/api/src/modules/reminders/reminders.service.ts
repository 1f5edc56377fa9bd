/**
 * Reminders (đôn đốc). The standing office reminds chosen participating units of a campaign with a
 * message; the system reminds every participating unit that has not submitted (no self-assessment,
 * a draft, or one returned) N days before its deadline, for each N of the campaign's
 * `reminderDaysBefore` (a unit's own deadline extension counts for that unit). Each reminder is
 * recorded with who sent it (null: the system), when and to which units, and is delivered through
 * the notifications module (the bell and e-mail) to the accounts answering for each unit; who has
 * read it is read back from those notifications.
 *
 * Scheduled reminders are jobs: the planner finds, on each tick, the reminders due today (Vietnam
 * date) and keys each `reminder:<campaignId>:<N>:<deadline>`, so planning twice stores one job. If
 * the instance was down on the day, the reminder still goes out on a later tick before the
 * deadline (the nearest one due; an older one missed is not sent as well). The reminder's id is
 * derived from the same key, so even a job run twice sends it once.
 */
import { createHash } from 'node:crypto';
import type { Reminder, ReminderCandidate, ReminderListQuery, ReminderPage, SendReminderBody } from '@thidua/contract';
import type { Db, Executor, Tx } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import type { JobContext, JobDefinition, JobPlanner, PlannedJob } from '../../lib/api-module.ts';
import { assertCan, reachOf } from '../../lib/access.ts';
import type { ActorCtx, Ctx } from '../../lib/context.ts';
import { Conflict, Invalid } from '../../lib/errors.ts';
import { pageParams } from '../../lib/http.ts';
import { newId } from '../../lib/ids.ts';
import { recordAudit } from '../audit/index.ts';
import {
  addDays,
  daysBetween,
  findCampaignRow,
  findVisibleCampaignRow,
  formatPlanDate,
  todayInVietnam,
  type CampaignRow,
} from '../campaigns/index.ts';
import { notifyUnits, type UnitMessage } from '../notifications/index.ts';
import { toReminder } from './reminders.mapper.ts';
import {
  findOpenCampaignDeadlines,
  findReminderPage,
  findReminderRecipients,
  findReminderRow,
  findUnitNames,
  findUnitStandings,
  insertReminderRow,
  type ReminderRow,
  type UnitStandingRow,
} from './reminders.repository.ts';

export const SCHEDULED_REMINDER_JOB = 'reminder.scheduled';
/** Self-assessment statuses that count as "submitted": no reminder for these. */
const SUBMITTED = ['submitted', 'accepted'];

const isSubmitted = (u: UnitStandingRow) => u.submissionStatus !== null && SUBMITTED.includes(u.submissionStatus);
/** Where the unit's people act: their self-assessment if started, else their campaigns page (to start it). */
const linkOf = (u: UnitStandingRow) => (u.submissionId ? `/tu-danh-gia/${u.submissionId}` : '/cua-toi');

// ── Reads ─────────────────────────────────────────────────────────────────────────────────────

async function toReminders(db: Executor, rows: (ReminderRow & { sentByName: string | null })[], actor: Actor) {
  const reach = reachOf(actor, 'reminder.read');
  const inReach = (unitId: string | null) => reach.all || (unitId !== null && reach.unitIds.includes(unitId));
  const [names, recipients] = await Promise.all([
    findUnitNames(db, [...new Set(rows.flatMap((r) => r.unitIds))]),
    findReminderRecipients(
      db,
      rows.map((r) => r.id),
    ),
  ]);
  const unitsById = new Map(names.map((u) => [u.id, u]));
  return rows.map((r) =>
    toReminder(
      r,
      r.unitIds.filter(inReach).flatMap((id) => {
        const u = unitsById.get(id);
        return u ? [{ unitId: u.id, unitCode: u.code, unitName: u.name }] : [];
      }),
      recipients.filter((x) => x.reminderId === r.id && inReach(x.unitId)),
    ),
  );
}

/** The campaign's reminders the actor may see: the office all of its authority's, a unit those sent to it. */
export async function listReminders(
  db: Executor,
  actor: Actor,
  campaignId: string,
  query: ReminderListQuery,
): Promise<ReminderPage> {
  await findVisibleCampaignRow(db, actor, campaignId);
  const { page, pageSize, offset } = pageParams(query);
  const { rows, total } = await findReminderPage(db, campaignId, {
    reach: reachOf(actor, 'reminder.read'),
    unitId: query.unitId,
    limit: pageSize,
    offset,
  });
  return { items: await toReminders(db, rows, actor), page, pageSize, total };
}

/** The participating units within the caller's reach, whether each has submitted, for choosing whom to remind. */
export async function listReminderCandidates(
  db: Executor,
  actor: Actor,
  campaignId: string,
): Promise<ReminderCandidate[]> {
  const campaign = await findVisibleCampaignRow(db, actor, campaignId);
  const rows = await findUnitStandings(db, campaign, { reach: reachOf(actor, 'reminder.send') });
  return rows.map((u) => ({
    unitId: u.unitId,
    unitCode: u.unitCode,
    unitName: u.unitName,
    deadline: u.deadline,
    submitted: isSubmitted(u),
    lastRemindedAt: u.lastRemindedAt ? u.lastRemindedAt.toISOString() : null,
  }));
}

// ── Sending ───────────────────────────────────────────────────────────────────────────────────

function manualMessage(campaign: CampaignRow, text: string) {
  return (u: UnitStandingRow): UnitMessage => ({
    title: `Đôn đốc: ${campaign.title}`,
    body: `${text}\n\nPhong trào: ${campaign.title}. Hạn gửi bản tự đánh giá của ${u.unitName}: ${formatPlanDate(u.deadline)}.`,
    link: linkOf(u),
  });
}

function scheduledMessage(campaign: CampaignRow, today: string) {
  return (u: UnitStandingRow): UnitMessage => {
    const left = daysBetween(today, u.deadline);
    const when =
      left > 0
        ? `Còn ${left} ngày nữa là đến hạn gửi bản tự đánh giá (ngày ${formatPlanDate(u.deadline)})`
        : `Hôm nay (ngày ${formatPlanDate(u.deadline)}) là hạn cuối gửi bản tự đánh giá`;
    return {
      title: `Nhắc hạn tự đánh giá: ${campaign.title}`,
      body: `${when} của phong trào “${campaign.title}”. ${u.unitName} chưa gửi bản tự đánh giá; đề nghị đơn vị hoàn thành và gửi trước hạn.`,
      link: linkOf(u),
    };
  };
}

/** Records the reminder and delivers it to the units' accounts, in the caller's transaction; false if it existed. */
async function deliver(
  tx: Tx,
  ctx: Ctx,
  input: {
    id: string;
    campaign: CampaignRow;
    kind: Reminder['kind'];
    message: string;
    daysBefore: number | null;
    units: UnitStandingRow[];
    messageFor: (u: UnitStandingRow) => UnitMessage;
    publicUrl: string;
    now: Date;
  },
): Promise<boolean> {
  const inserted = await insertReminderRow(tx, {
    id: input.id,
    campaignId: input.campaign.id,
    kind: input.kind,
    message: input.message,
    daysBefore: input.daysBefore,
    unitIds: input.units.map((u) => u.unitId),
    sentBy: ctx.actor?.userId ?? null,
    sentAt: input.now,
  });
  if (!inserted) return false;
  const byUnit = new Map(input.units.map((u) => [u.unitId, u]));
  const delivered = await notifyUnits(tx, {
    kind: 'reminder',
    campaignId: input.campaign.id,
    reminderId: input.id,
    unitIds: input.units.map((u) => u.unitId),
    messageFor: (unitId) => input.messageFor(byUnit.get(unitId) as UnitStandingRow),
    publicUrl: input.publicUrl,
    now: input.now,
  });
  await recordAudit(tx, ctx, {
    action: input.kind === 'manual' ? 'reminder.send' : 'reminder.schedule_send',
    objectType: 'reminder',
    objectId: input.id,
    after: {
      campaignId: input.campaign.id,
      kind: input.kind,
      message: input.message,
      daysBefore: input.daysBefore,
      unitIds: input.units.map((u) => u.unitId),
      recipients: delivered.length,
    },
  });
  return true;
}

/**
 * The office reminds chosen units: each must take part in the campaign (400) and be within the
 * caller's reach for `reminder.send` (403); the campaign must be open (409).
 */
export async function sendReminder(
  db: Db,
  ctx: ActorCtx,
  campaignId: string,
  body: SendReminderBody,
  publicUrl: string,
): Promise<Reminder> {
  const { actor } = ctx;
  const message = body.message.trim();
  if (!message) throw Invalid([{ field: '/message', code: 'reminder.message_required' }], 'reminder.message_required');
  return db.transaction(async (tx) => {
    const campaign = await findVisibleCampaignRow(tx, actor, campaignId);
    if (campaign.status !== 'open') throw Conflict('reminder.campaign_not_open');
    const standings = await findUnitStandings(tx, campaign, { unitIds: body.unitIds });
    const found = new Set(standings.map((u) => u.unitId));
    const problems = body.unitIds
      .map((id, i) => ({ id, i }))
      .filter(({ id }) => !found.has(id))
      .map(({ i }) => ({ field: `/unitIds/${i}`, code: 'reminder.unit_not_participant' }));
    if (problems.length) throw Invalid(problems, 'reminder.unit_not_participant');
    for (const u of standings) assertCan(actor, 'reminder.send', { unitId: u.unitId });
    const id = newId('rm');
    await deliver(tx, ctx, {
      id,
      campaign,
      kind: 'manual',
      message,
      daysBefore: null,
      units: standings,
      messageFor: manualMessage(campaign, message),
      publicUrl,
      now: new Date(),
    });
    const row = await findReminderRow(tx, id);
    return (await toReminders(tx, row ? [row] : [], actor))[0] as Reminder;
  });
}

// ── Scheduled reminders ───────────────────────────────────────────────────────────────────────

export interface ScheduledReminderPayload {
  campaignId: string;
  daysBefore: number;
  deadline: string;
}

export const scheduledReminderKey = (p: ScheduledReminderPayload) =>
  `reminder:${p.campaignId}:${p.daysBefore}:${p.deadline}`;

/**
 * The scheduled reminders due today: for each open campaign and each deadline its units have, the
 * nearest N of `reminderDaysBefore` whose day (deadline − N) has come, as long as the deadline has
 * not passed.
 */
export const planScheduledReminders: JobPlanner = async (ctx): Promise<PlannedJob[]> => {
  const today = todayInVietnam(ctx.now);
  const out: PlannedJob[] = [];
  for (const { campaign, deadlines } of await findOpenCampaignDeadlines(ctx.db)) {
    for (const deadline of deadlines) {
      if (today > deadline) continue;
      const due = campaign.reminderDaysBefore
        .filter((n) => Number.isInteger(n) && n >= 0 && addDays(deadline, -n) <= today)
        .sort((a, b) => a - b)[0];
      if (due === undefined) continue;
      const payload: ScheduledReminderPayload = { campaignId: campaign.id, daysBefore: due, deadline };
      out.push({ kind: SCHEDULED_REMINDER_JOB, key: scheduledReminderKey(payload), payload });
    }
  }
  return out;
};

function payloadOf(payload: unknown): ScheduledReminderPayload {
  const p = payload as Partial<ScheduledReminderPayload> | null;
  if (!p || typeof p.campaignId !== 'string' || typeof p.daysBefore !== 'number' || typeof p.deadline !== 'string')
    throw new Error('reminder.scheduled: bad payload');
  return { campaignId: p.campaignId, daysBefore: p.daysBefore, deadline: p.deadline };
}

/**
 * Sends one scheduled reminder: to the participating units whose deadline is the payload's and that
 * have not submitted, if the campaign is still open and the deadline has not passed. Sent once: the
 * reminder's id is derived from the job key.
 */
export async function runScheduledReminder(ctx: JobContext, payload: unknown): Promise<void> {
  const p = payloadOf(payload);
  const today = todayInVietnam(ctx.now);
  const key = scheduledReminderKey(p);
  await ctx.db.transaction(async (tx) => {
    const campaign = await findCampaignRow(tx, p.campaignId);
    if (!campaign || campaign.status !== 'open' || today > p.deadline) return;
    const pending = (await findUnitStandings(tx, campaign, { deadline: p.deadline })).filter((u) => !isSubmitted(u));
    if (!pending.length) return;
    const sent = await deliver(
      tx,
      { actor: null, requestId: `job:${key}` },
      {
        id: `rm_${createHash('sha256').update(key).digest('hex').slice(0, 24)}`,
        campaign,
        kind: 'scheduled',
        message: `Nhắc hạn gửi bản tự đánh giá (${p.daysBefore} ngày trước hạn ${formatPlanDate(p.deadline)}).`,
        daysBefore: p.daysBefore,
        units: pending,
        messageFor: scheduledMessage(campaign, today),
        publicUrl: ctx.config.publicUrl,
        now: ctx.now,
      },
    );
    if (sent) ctx.log.info({ reminder: key, units: pending.length }, 'scheduled reminder sent');
  });
}

export const scheduledReminderJob: JobDefinition = { kind: SCHEDULED_REMINDER_JOB, run: runScheduledReminder };
