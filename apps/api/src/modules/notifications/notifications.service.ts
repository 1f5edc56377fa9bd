/**
 * The bell and the e-mail outbox. Each account reads and marks only its own notifications (another
 * account's answers 404 and nothing changes). `notifyUnits` delivers one message to the accounts
 * that answer for a unit's self-assessment — those the permission table lets write it for their
 * unit (`submission.write` at own_unit: the unit's officers and heads). Staff are not notified: a
 * reminder urges the unit's collective self-assessment, which staff neither write nor submit.
 * Each notification also queues an e-mail in the outbox; the `email.send` job sends it over SMTP
 * (retried with backoff on errors), or writes it to the log when SMTP_URL is unset.
 */
import {
  grantsOf,
  type Notification,
  type NotificationListQuery,
  type NotificationPage,
  type NotificationsReadAll,
  type OutboxListQuery,
  type OutboxPage,
  type RoleName,
} from '@thidua/contract';
import type { Db, Executor, Tx } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import type { JobContext, JobDefinition, JobPlanner, PlannedJob } from '../../lib/api-module.ts';
import { NotFound } from '../../lib/errors.ts';
import { pageParams } from '../../lib/http.ts';
import { newId } from '../../lib/ids.ts';
import { mailerFor } from '../../lib/mailer.ts';
import { toNotification, toOutboxEmail } from './notifications.mapper.ts';
import {
  findNotificationPage,
  findOutboxPage,
  findPendingOutboxIds,
  findUnitAccounts,
  insertNotificationRows,
  insertOutboxRows,
  findOutboxRow,
  markAllNotificationsRead,
  markNotificationRead,
  countUnread,
  updateOutboxRow,
} from './notifications.repository.ts';

export const EMAIL_SEND_JOB = 'email.send';
/** Attempts after which an e-mail is marked failed (the jobs table's default maxAttempts). */
export const EMAIL_MAX_ATTEMPTS = 5;

// ── The bell ──────────────────────────────────────────────────────────────────────────────────

export async function listNotifications(
  db: Executor,
  actor: Actor,
  query: NotificationListQuery,
): Promise<NotificationPage> {
  const { page, pageSize, offset } = pageParams(query);
  const { rows, total, unreadCount } = await findNotificationPage(db, actor.userId, {
    unreadFirst: (query.order ?? 'unread_first') === 'unread_first',
    unreadOnly: query.unread === true,
    limit: pageSize,
    offset,
  });
  return { items: rows.map(toNotification), page, pageSize, total, unreadCount };
}

export async function readNotification(db: Db, actor: Actor, id: string, now = new Date()): Promise<Notification> {
  return db.transaction(async (tx) => {
    const row = await markNotificationRead(tx, actor.userId, id, now);
    if (!row) throw NotFound('notification');
    return toNotification(row);
  });
}

export async function readAllNotifications(db: Db, actor: Actor, now = new Date()): Promise<NotificationsReadAll> {
  return db.transaction(async (tx) => {
    const marked = await markAllNotificationsRead(tx, actor.userId, now);
    return { marked, unreadCount: await countUnread(tx, actor.userId) };
  });
}

// ── Delivery ──────────────────────────────────────────────────────────────────────────────────

/** The roles that answer for a unit's self-assessment: `submission.write` held for the own unit. */
export function unitRecipientRoles(): RoleName[] {
  return Object.entries(grantsOf('submission.write'))
    .filter(([, scope]) => scope === 'own_unit')
    .map(([role]) => role as RoleName);
}

export interface UnitMessage {
  title: string;
  /** The text of the notification and of the e-mail. */
  body: string;
  /** A path in the web app. */
  link: string;
}

export interface NotifyUnitsInput {
  kind: string;
  campaignId: string | null;
  reminderId: string | null;
  unitIds: readonly string[];
  /** The message for one unit (its name, its own deadline, its self-assessment). */
  messageFor(unitId: string): UnitMessage;
  /** Where the web app is (links in e-mails are absolute). */
  publicUrl: string;
  now?: Date;
}

/**
 * A notification for every account answering for each unit, and an e-mail to each through the
 * outbox, in the caller's transaction. Returns the accounts notified (one line per account and unit).
 */
export async function notifyUnits(tx: Tx, input: NotifyUnitsInput): Promise<{ userId: string; unitId: string }[]> {
  const accounts = await findUnitAccounts(tx, input.unitIds, unitRecipientRoles());
  const createdAt = input.now ?? new Date();
  const notes: Parameters<typeof insertNotificationRows>[1] = [];
  const mails: Parameters<typeof insertOutboxRows>[1] = [];
  for (const a of accounts) {
    const m = input.messageFor(a.unitId);
    const id = newId('nt');
    notes.push({
      id,
      userId: a.userId,
      kind: input.kind,
      title: m.title,
      body: m.body,
      link: m.link,
      campaignId: input.campaignId,
      unitId: a.unitId,
      reminderId: input.reminderId,
      createdAt,
    });
    mails.push({
      id: newId('em'),
      to: a.email,
      subject: m.title,
      text: emailText(a.fullName, m, input.publicUrl),
      notificationId: id,
      createdAt,
    });
  }
  await insertNotificationRows(tx, notes);
  await insertOutboxRows(tx, mails);
  return accounts.map((a) => ({ userId: a.userId, unitId: a.unitId }));
}

function emailText(fullName: string, m: UnitMessage, publicUrl: string): string {
  return [
    `Kính gửi ${fullName},`,
    '',
    m.body,
    '',
    `Mở trên ThiĐua: ${publicUrl}${m.link}`,
    '',
    '—',
    'Thư này do hệ thống ThiĐua gửi tự động; vui lòng không trả lời thư này.',
  ].join('\n');
}

// ── The outbox ────────────────────────────────────────────────────────────────────────────────

export async function listOutbox(db: Executor, query: OutboxListQuery): Promise<OutboxPage> {
  const { page, pageSize, offset } = pageParams(query);
  const { rows, total } = await findOutboxPage(db, { status: query.status, limit: pageSize, offset });
  return { items: rows.map(toOutboxEmail), page, pageSize, total };
}

/** One `email.send` job per e-mail waiting in the outbox (the key makes planning it again harmless). */
export const planOutboxEmails: JobPlanner = async (ctx): Promise<PlannedJob[]> => {
  const ids = await findPendingOutboxIds(ctx.db, 500);
  return ids.map((id) => ({ kind: EMAIL_SEND_JOB, key: `${EMAIL_SEND_JOB}:${id}`, payload: { outboxId: id } }));
};

function outboxIdOf(payload: unknown): string {
  const id = (payload as { outboxId?: unknown } | null)?.outboxId;
  if (typeof id !== 'string' || !id) throw new Error('email.send: payload.outboxId missing');
  return id;
}

/**
 * Sends one outbox e-mail: over SMTP when configured, else into the log (status `logged`). An SMTP
 * error is recorded on the row (attempts, lastError; `failed` after the last attempt) and thrown,
 * so the job runner retries it with backoff. Already sent or logged: nothing to do. No transaction
 * is held while the SMTP server answers (PGlite has one connection); the job runner makes sure one
 * instance at a time runs a job.
 */
export async function sendOutboxEmail(ctx: JobContext, payload: unknown): Promise<void> {
  const id = outboxIdOf(payload);
  const row = await findOutboxRow(ctx.db, id);
  if (!row || row.status === 'sent' || row.status === 'logged') return;
  const attempts = row.attempts + 1;
  const mailer = mailerFor(ctx.config);
  if (!mailer) {
    ctx.log.info(
      { email: { id, to: row.to, subject: row.subject, text: row.text } },
      'e-mail (SMTP_URL unset: logged)',
    );
    await updateOutboxRow(ctx.db, id, { status: 'logged', attempts, sentAt: ctx.now, lastError: null });
    return;
  }
  try {
    await mailer.send({ to: row.to, subject: row.subject, text: row.text, html: row.html });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await updateOutboxRow(ctx.db, id, {
      status: attempts >= EMAIL_MAX_ATTEMPTS ? 'failed' : 'pending',
      attempts,
      lastError: message.slice(0, 2000),
    });
    throw err instanceof Error ? err : new Error(message);
  }
  await updateOutboxRow(ctx.db, id, { status: 'sent', attempts, sentAt: ctx.now, lastError: null });
}

export const emailSendJob: JobDefinition = { kind: EMAIL_SEND_JOB, run: sendOutboxEmail };
