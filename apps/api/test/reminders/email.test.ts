/**
 * Reminders by e-mail: the scheduled reminder job queues one e-mail per account of each unit not yet
 * submitted, and the outbox job delivers it over SMTP to a real server started in this process
 * (To, subject, Vietnamese body, the link into the app); a refusing server leaves the error on the
 * outbox row and the e-mail is sent on a later attempt; without SMTP_URL it goes to the log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { emailOutbox, notifications } from '../../src/db/schema/index.ts';
import { addDays } from '../../src/modules/campaigns/dates.ts';
import { planOutboxEmails, sendOutboxEmail } from '../../src/modules/notifications/index.ts';
import { planScheduledReminders, runScheduledReminder } from '../../src/modules/reminders/index.ts';
import { closeMailers } from '../../src/lib/mailer.ts';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { jobContext, readMail, remindersCampaign, startSmtp, vietnamMorning } from './support.ts';

const PUBLIC_URL = 'https://thidua.hatinh.gov.vn';
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ publicUrl: PUBLIC_URL });
});
afterAll(async () => {
  closeMailers();
  await t.close();
});

/** The outbox e-mails of a campaign's notifications. */
async function outboxOf(campaignId: string) {
  const notes = await t.database.db
    .select({ id: notifications.id })
    .from(notifications)
    .where(eq(notifications.campaignId, campaignId));
  if (!notes.length) return [];
  return t.database.db
    .select()
    .from(emailOutbox)
    .where(
      inArray(
        emailOutbox.notificationId,
        notes.map((n) => n.id),
      ),
    );
}

/** Plans the outbox jobs as a tick would and runs those of `ids`, as the runner would. */
async function sendOutbox(ids: string[], ctx: ReturnType<typeof jobContext>) {
  const planned = (await planOutboxEmails(ctx)).filter((j) =>
    ids.includes((j.payload as { outboxId: string }).outboxId),
  );
  expect(planned.map((j) => j.kind)).toEqual(ids.map(() => 'email.send'));
  const errors: unknown[] = [];
  for (const j of planned) await sendOutboxEmail(ctx, j.payload).catch((e: unknown) => errors.push(e));
  return errors;
}

async function manualReminder(campaignId: string, unitId: string) {
  const res = await t.api
    .post(`/api/v1/campaigns/${campaignId}/reminders`)
    .set('authorization', await t.auth(DEMO.secretariat))
    .send({ unitIds: [unitId], message: 'Đề nghị đơn vị khẩn trương hoàn thành bản tự đánh giá.' });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

describe('reminder e-mails over SMTP', () => {
  it('the scheduled reminder arrives by e-mail at each account of a unit that has not submitted, in Vietnamese, with the link to its self-assessment', async () => {
    const smtp = await startSmtp();
    try {
      const { campaign, a, b, deadline } = await remindersCampaign(t);
      // Team b has started its self-assessment (a draft: still reminded, and the link opens it).
      const started = await t.api
        .post(`/api/v1/campaigns/${campaign.id}/submissions`)
        .set('authorization', b.officer.auth)
        .send({});
      expect(started.status).toBe(201);
      const ctx = jobContext(t, vietnamMorning(addDays(deadline, -7)), { smtpUrl: smtp.url });
      const job = (await planScheduledReminders(ctx)).find((j) => j.key.startsWith(`reminder:${campaign.id}:`));
      expect(job?.key).toBe(`reminder:${campaign.id}:7:${deadline}`);
      await runScheduledReminder(ctx, job!.payload);

      const rows = await outboxOf(campaign.id);
      expect(rows.map((r) => r.to).sort()).toEqual(
        [a.officer.email, a.head.email, b.officer.email, b.head.email].sort(),
      );
      expect(rows.every((r) => r.status === 'pending')).toBe(true);
      expect(
        await sendOutbox(
          rows.map((r) => r.id),
          ctx,
        ),
      ).toEqual([]);

      expect(smtp.received).toHaveLength(4);
      const toB = smtp.received.find((m) => m.to[0] === b.officer.email)!;
      const mail = readMail(toB.raw);
      expect(mail.headers.to).toContain(b.officer.email);
      expect(mail.headers.subject).toBe('Nhắc hạn tự đánh giá: Phong trào thi đua đẩy mạnh cải cách hành chính');
      expect(mail.text).toContain('Kính gửi Tài khoản unit_officer,');
      expect(mail.text).toContain('Còn 7 ngày nữa là đến hạn gửi bản tự đánh giá');
      expect(mail.text).toContain('chưa gửi bản tự đánh giá; đề nghị đơn vị hoàn thành và gửi trước hạn.');
      expect(mail.text).toContain(`${PUBLIC_URL}/tu-danh-gia/${started.body.id}`);
      // Team a has not started: its link opens its campaigns, where it starts the self-assessment.
      const toA = readMail(smtp.received.find((m) => m.to[0] === a.head.email)!.raw);
      expect(toA.text).toContain(`${PUBLIC_URL}/cua-toi`);

      const after = await outboxOf(campaign.id);
      expect(after.every((r) => r.status === 'sent' && r.attempts === 1 && r.sentAt !== null)).toBe(true);
      // Sent e-mails are not sent again, even if their job ran twice.
      await sendOutboxEmail(ctx, { outboxId: after[0]!.id });
      expect(smtp.received).toHaveLength(4);
    } finally {
      await smtp.close();
    }
  });

  it('a refusing SMTP server leaves its error on the outbox row; a later attempt sends the e-mail', async () => {
    const refusing = await startSmtp({ refuse: true });
    const { campaign, a } = await remindersCampaign(t);
    await manualReminder(campaign.id, a.unit.id);
    const rows = await outboxOf(campaign.id);
    expect(rows).toHaveLength(2);
    try {
      const ctx = jobContext(t, new Date(), { smtpUrl: refusing.url });
      const errors = await sendOutbox(
        rows.map((r) => r.id),
        ctx,
      );
      // The job throws, so the runner retries it with backoff.
      expect(errors).toHaveLength(2);
    } finally {
      await refusing.close();
    }
    const failed = await outboxOf(campaign.id);
    for (const r of failed) {
      expect(r.status).toBe('pending');
      expect(r.attempts).toBe(1);
      expect(r.lastError).toMatch(/451|temporarily unavailable/i);
    }
    const admin = await t.api.get('/api/v1/email-outbox?status=pending').set('authorization', await t.auth(DEMO.admin));
    expect(admin.status).toBe(200);
    expect(admin.body.items.find((e: { id: string }) => e.id === rows[0]!.id)).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: expect.stringMatching(/451|temporarily unavailable/i),
    });

    const smtp = await startSmtp();
    try {
      const ctx = jobContext(t, new Date(), { smtpUrl: smtp.url });
      expect(
        await sendOutbox(
          rows.map((r) => r.id),
          ctx,
        ),
      ).toEqual([]);
      expect(smtp.received.map((m) => m.to[0]).sort()).toEqual([a.officer.email, a.head.email].sort());
      const mail = readMail(smtp.received[0]!.raw);
      expect(mail.headers.subject).toBe('Đôn đốc: Phong trào thi đua đẩy mạnh cải cách hành chính');
      expect(mail.text).toContain('Đề nghị đơn vị khẩn trương hoàn thành bản tự đánh giá.');
    } finally {
      await smtp.close();
    }
    const sent = await outboxOf(campaign.id);
    expect(sent.map((r) => [r.status, r.attempts, r.lastError])).toEqual([
      ['sent', 2, null],
      ['sent', 2, null],
    ]);
  });

  it('without SMTP_URL the e-mail is written to the log and marked logged in the outbox', async () => {
    const { campaign, b } = await remindersCampaign(t);
    await manualReminder(campaign.id, b.unit.id);
    const rows = await outboxOf(campaign.id);
    const ctx = jobContext(t, new Date(), { smtpUrl: undefined });
    expect(
      await sendOutbox(
        rows.map((r) => r.id),
        ctx,
      ),
    ).toEqual([]);
    expect((await outboxOf(campaign.id)).map((r) => r.status)).toEqual(['logged', 'logged']);
    const logged = ctx.lines.filter((l) => (l.email as { to?: string } | undefined)?.to === b.head.email);
    expect(logged).toHaveLength(1);
    expect((logged[0]!.email as { subject: string }).subject).toBe(
      'Đôn đốc: Phong trào thi đua đẩy mạnh cải cách hành chính',
    );
  });
});
