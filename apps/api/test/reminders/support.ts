/**
 * What the reminders tests share: a job context on a controllable clock (the planner and the jobs
 * are called directly, as the runner would), a real SMTP server in-process on a random port that
 * keeps what it receives (or refuses it), a minimal MIME reader for those messages, and the
 * records of a small campaign for two communes of their own.
 */
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { and, count, eq, inArray } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../src/config.ts';
import type { JobContext } from '../../src/lib/api-module.ts';
import { emailOutbox, notifications, reminders } from '../../src/db/schema/index.ts';
import { addDays, todayInVietnam } from '../../src/modules/campaigns/dates.ts';
import { DEMO, type TestApp } from '../helpers.ts';
import { makeCampaign, makeCommuneTeam } from '../factories.ts';

/** 09:00 in Vietnam on a date (02:00 UTC). */
export const vietnamMorning = (date: string) => new Date(`${date}T02:00:00Z`);

export interface LogLine {
  msg: string;
  [k: string]: unknown;
}

/** A job context as the runner builds it, at `now`, with config overrides and a log that keeps its lines. */
export function jobContext(t: TestApp, now: Date, config: Partial<Config> = {}): JobContext & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const keep = (obj: unknown, msg?: string) =>
    lines.push(typeof obj === 'string' ? { msg: obj } : { ...(obj as object), msg: msg ?? '' });
  const log = {
    level: 'info',
    info: keep,
    warn: keep,
    error: keep,
    fatal: keep,
    debug: () => {},
    trace: () => {},
    silent: () => {},
    child: () => log,
  };
  return {
    db: t.database.db,
    now,
    config: { ...t.config, ...config },
    log: log as unknown as FastifyBaseLogger,
    lines,
  };
}

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on a random local port; `refuse` makes it answer every message with a 451. */
export async function startSmtp(opts: { refuse?: boolean } = {}) {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (opts.refuse)
          return callback(Object.assign(new Error('Mailbox temporarily unavailable'), { responseCode: 451 }));
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    );
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const s = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '=' && /^[0-9A-F]{2}$/i.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(s[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The headers (unfolded, words decoded) and the text body of a single-part message as nodemailer writes it. */
export function readMail(raw: string): { headers: Record<string, string>; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).toLowerCase()] = decodeWords(line.slice(i + 1).trim());
  }
  const encoding = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(body)
        : body;
  return { headers, text: text.replace(/\r\n/g, '\n') };
}

/** Two communes of their own, each with an officer, a head and a staff member, taking part in an open campaign. */
export async function remindersCampaign(t: TestApp, opts: { deadline?: string } = {}) {
  const a = await makeCommuneTeam(t);
  const b = await makeCommuneTeam(t);
  const deadline = opts.deadline ?? addDays(todayInVietnam(), 20);
  const campaign = await makeCampaign(t, {
    status: 'open',
    enrol: [a.unit.code, b.unit.code],
    overrides: {
      title: 'Phong trào thi đua đẩy mạnh cải cách hành chính',
      submissionDeadline: deadline,
      endsOn: addDays(deadline, 30),
      participants: { kinds: [], unitIds: [a.unit.id, b.unit.id], individualsTakePart: false },
    },
  });
  return { campaign, a, b, deadline };
}

/** The commune team's self-assessment, answered and submitted by its head. */
export async function submitFor(
  t: TestApp,
  campaignId: string,
  team: { officer: { auth: string }; head: { auth: string } },
) {
  const started = await t.api
    .post(`/api/v1/campaigns/${campaignId}/submissions`)
    .set('authorization', team.officer.auth)
    .send({});
  if (started.status !== 201) throw new Error(`start: ${started.status} ${started.text}`);
  const criterionId = started.body.answers[0].criterionId as string;
  const patched = await t.api
    .patch(`/api/v1/submissions/${started.body.id}`)
    .set('authorization', team.officer.auth)
    .set('if-match', started.headers.etag!)
    .send({ answers: [{ criterionId, answer: { numerator: 5, denominator: 10 } }] });
  if (patched.status !== 200) throw new Error(`answer: ${patched.status} ${patched.text}`);
  const submitted = await t.api
    .post(`/api/v1/submissions/${started.body.id}/submit`)
    .set('authorization', team.head.auth);
  if (submitted.status !== 200) throw new Error(`submit: ${submitted.status} ${submitted.text}`);
  return started.body.id as string;
}

/** How many reminders, notifications and outbox e-mails a campaign has (what a refused call must not change). */
export async function written(t: TestApp, campaignId: string) {
  const db = t.database.db;
  const [r] = await db.select({ n: count() }).from(reminders).where(eq(reminders.campaignId, campaignId));
  const [n] = await db.select({ n: count() }).from(notifications).where(eq(notifications.campaignId, campaignId));
  const [e] = await db
    .select({ n: count() })
    .from(emailOutbox)
    .where(
      inArray(
        emailOutbox.notificationId,
        db.select({ id: notifications.id }).from(notifications).where(eq(notifications.campaignId, campaignId)),
      ),
    );
  return { reminders: Number(r!.n), notifications: Number(n!.n), emails: Number(e!.n) };
}

/** The notifications an account has for a campaign. */
export async function notificationsOf(t: TestApp, userId: string, campaignId: string) {
  return t.database.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.campaignId, campaignId)));
}

export { DEMO };

/** The ids of the outbox e-mails of a campaign's notifications. */
export async function outboxIdsOf(t: TestApp, campaignId: string): Promise<string[]> {
  const rows = await t.database.db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .innerJoin(notifications, eq(notifications.id, emailOutbox.notificationId))
    .where(eq(notifications.campaignId, campaignId));
  return rows.map((r) => r.id);
}
