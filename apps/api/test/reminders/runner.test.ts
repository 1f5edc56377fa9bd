/**
 * Reminders through the jobs runner (lib/jobs.ts), as an instance runs them: a tick on the 7th day
 * before the deadline plans and sends the reminder, the next tick sends its e-mails over SMTP; two
 * instances ticking at once remind once; an e-mail the SMTP server refused is retried after the
 * runner's backoff, not before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { jobs } from '../../src/db/schema/index.ts';
import { createJobRunner } from '../../src/lib/jobs.ts';
import { closeMailers } from '../../src/lib/mailer.ts';
import { addDays } from '../../src/modules/campaigns/dates.ts';
import { notificationsModule } from '../../src/modules/notifications/index.ts';
import { remindersModule } from '../../src/modules/reminders/index.ts';
import { createTestApp, type TestApp } from '../helpers.ts';
import { jobContext, outboxIdsOf, readMail, remindersCampaign, startSmtp, vietnamMorning, written } from './support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  closeMailers();
  await t.close();
});

const runner = (smtpUrl: string) =>
  createJobRunner({
    db: t.database.db,
    config: { ...t.config, smtpUrl },
    log: jobContext(t, new Date()).log,
    modules: [remindersModule, notificationsModule],
  });

describe('reminders run by the jobs runner', () => {
  it('two instances ticking at once on the 7th day before remind once; the next tick e-mails the reminder', async () => {
    const smtp = await startSmtp();
    try {
      const { campaign, a, b, deadline } = await remindersCampaign(t);
      const now = vietnamMorning(addDays(deadline, -7));
      const [one, two] = [runner(smtp.url), runner(smtp.url)];
      await Promise.all([one.tick(now), two.tick(now)]);
      expect(await written(t, campaign.id)).toEqual({ reminders: 1, notifications: 4, emails: 4 });
      const [job] = await t.database.db
        .select()
        .from(jobs)
        .where(eq(jobs.key, `reminder:${campaign.id}:7:${deadline}`));
      expect(job).toMatchObject({ status: 'done', attempts: 1 });

      await one.tick(new Date(now.getTime() + 60_000));
      await two.tick(new Date(now.getTime() + 60_000));
      const to = smtp.received
        .map((m) => m.to[0])
        .filter((x) => [a, b].some((u) => [u.officer.email, u.head.email].includes(x!)));
      expect(to.sort()).toEqual([a.officer.email, a.head.email, b.officer.email, b.head.email].sort());
      expect(readMail(smtp.received[0]!.raw).headers.subject).toBe(
        'Nhắc hạn tự đánh giá: Phong trào thi đua đẩy mạnh cải cách hành chính',
      );
    } finally {
      await smtp.close();
    }
  });

  it("an e-mail the server refused is retried after the runner's backoff, then sent", async () => {
    const refusing = await startSmtp({ refuse: true });
    const smtp = await startSmtp();
    try {
      const { campaign, a, b, deadline } = await remindersCampaign(t);
      const now = vietnamMorning(addDays(deadline, -2));
      // Other tests' campaigns are due too: count only this one's accounts.
      const ours = [a.officer.email, a.head.email, b.officer.email, b.head.email];
      const received = () => smtp.received.filter((m) => ours.includes(m.to[0]!));
      const first = runner(refusing.url);
      await first.tick(now); // plans and sends the reminder
      await first.tick(new Date(now.getTime() + 1000)); // plans and tries its e-mails: refused
      const ids = await outboxIdsOf(t, campaign.id);
      expect(ids).toHaveLength(4);
      const emailJobs = async () =>
        (await t.database.db.select().from(jobs).where(eq(jobs.kind, 'email.send'))).filter((j) =>
          ids.includes((j.payload as { outboxId: string }).outboxId),
        );
      const tried = await emailJobs();
      expect(tried.map((j) => [j.status, j.attempts])).toEqual(ids.map(() => ['pending', 1]));
      expect(tried[0]!.lastError).toMatch(/451|temporarily unavailable/i);
      expect(tried[0]!.runAt.getTime()).toBe(now.getTime() + 1000 + 60_000);

      // Another instance, whose SMTP server answers: not before the backoff, then once.
      const second = runner(smtp.url);
      await second.tick(new Date(now.getTime() + 30_000));
      expect(received()).toHaveLength(0);
      await second.tick(new Date(now.getTime() + 62_000));
      expect(received()).toHaveLength(4);
      expect((await emailJobs()).map((j) => [j.status, j.attempts])).toEqual(ids.map(() => ['done', 2]));
      expect(await written(t, campaign.id)).toMatchObject({ reminders: 1, emails: 4 });
    } finally {
      await refusing.close();
      await smtp.close();
    }
  });
});
