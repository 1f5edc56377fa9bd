/**
 * Scheduled reminders on a controllable clock: N days before a unit's deadline (7 and 2 by
 * default, Vietnam date), the units that have not submitted are reminded once — a unit that
 * submitted is not; a unit's own deadline extension moves its reminders; a day the instance was
 * down is caught up before the deadline; planning or running a reminder twice sends it once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/modules/campaigns/dates.ts';
import { planScheduledReminders, runScheduledReminder } from '../../src/modules/reminders/index.ts';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { move } from '../campaigns/support.ts';
import { jobContext, notificationsOf, remindersCampaign, submitFor, vietnamMorning, written } from './support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** The scheduled reminders a tick on `date` (Vietnam) plans for the campaign. */
async function plannedOn(campaignId: string, date: string, hourUtc = 2) {
  const ctx = jobContext(t, new Date(`${date}T${String(hourUtc).padStart(2, '0')}:00:00Z`));
  return (await planScheduledReminders(ctx)).filter((j) => j.key.startsWith(`reminder:${campaignId}:`));
}

async function runPlanned(campaignId: string, date: string) {
  const ctx = jobContext(t, vietnamMorning(date));
  for (const j of await plannedOn(campaignId, date)) await runScheduledReminder(ctx, j.payload);
}

async function remindersSeenBy(auth: string, campaignId: string) {
  const res = await t.api.get(`/api/v1/campaigns/${campaignId}/reminders`).set('authorization', auth);
  expect(res.status, res.text).toBe(200);
  return res.body.items as {
    kind: string;
    daysBefore: number | null;
    sentById: string | null;
    units: { unitId: string }[];
  }[];
}

describe('scheduled reminders', () => {
  it('7 and 2 days before the deadline, the unit that has not submitted is reminded and the one that submitted is not', async () => {
    const { campaign, a, b, deadline } = await remindersCampaign(t);
    await submitFor(t, campaign.id, b);

    expect(await plannedOn(campaign.id, addDays(deadline, -8))).toEqual([]);
    const on7 = await plannedOn(campaign.id, addDays(deadline, -7));
    expect(on7).toEqual([
      {
        kind: 'reminder.scheduled',
        key: `reminder:${campaign.id}:7:${deadline}`,
        payload: { campaignId: campaign.id, daysBefore: 7, deadline },
      },
    ]);
    await runPlanned(campaign.id, addDays(deadline, -7));
    expect(await written(t, campaign.id)).toEqual({ reminders: 1, notifications: 2, emails: 2 });
    const [note] = await notificationsOf(t, a.officer.id, campaign.id);
    expect(note).toMatchObject({
      kind: 'reminder',
      title: 'Nhắc hạn tự đánh giá: Phong trào thi đua đẩy mạnh cải cách hành chính',
    });
    expect(note!.body).toContain('Còn 7 ngày nữa');
    expect(await notificationsOf(t, a.staff.id, campaign.id)).toEqual([]);
    expect(await notificationsOf(t, b.officer.id, campaign.id)).toEqual([]);

    // Between the two days the same 7-day reminder is planned again (its key stores it once).
    expect((await plannedOn(campaign.id, addDays(deadline, -4))).map((j) => j.key)).toEqual([
      `reminder:${campaign.id}:7:${deadline}`,
    ]);
    const on2 = await plannedOn(campaign.id, addDays(deadline, -2));
    expect(on2.map((j) => j.key)).toEqual([`reminder:${campaign.id}:2:${deadline}`]);
    await runPlanned(campaign.id, addDays(deadline, -2));
    expect(await written(t, campaign.id)).toEqual({ reminders: 2, notifications: 4, emails: 4 });
    expect(await plannedOn(campaign.id, addDays(deadline, 1))).toEqual([]);

    // The office sees both, sent by the system; the unit that submitted has received none.
    const seen = await remindersSeenBy(await t.auth(DEMO.secretariat), campaign.id);
    expect(seen.map((r) => [r.kind, r.daysBefore, r.sentById, r.units.map((u) => u.unitId)])).toEqual([
      ['scheduled', 2, null, [a.unit.id]],
      ['scheduled', 7, null, [a.unit.id]],
    ]);
    expect(await remindersSeenBy(b.officer.auth, campaign.id)).toEqual([]);
    expect(await remindersSeenBy(a.head.auth, campaign.id)).toHaveLength(2);
  });

  it('a reminder planned twice or run twice is sent once', async () => {
    const { campaign, deadline } = await remindersCampaign(t);
    const day = addDays(deadline, -7);
    const [first] = await plannedOn(campaign.id, day, 1);
    const [second] = await plannedOn(campaign.id, day, 15);
    expect(second!.key).toBe(first!.key);
    const ctx = jobContext(t, vietnamMorning(day));
    await runScheduledReminder(ctx, first!.payload);
    await runScheduledReminder(ctx, second!.payload);
    expect(await written(t, campaign.id)).toEqual({ reminders: 1, notifications: 4, emails: 4 });
  });

  it('the day is the Vietnam date: 23:00 UTC on the eve is already the 7th day before', async () => {
    const { campaign, deadline } = await remindersCampaign(t);
    // 16:59 UTC is 23:59 in Vietnam, the 8th day before; 17:00 UTC is midnight, the 7th.
    expect(await plannedOn(campaign.id, addDays(deadline, -8), 16)).toEqual([]);
    const at = new Date(`${addDays(deadline, -8)}T17:00:00Z`);
    const planned = (await planScheduledReminders(jobContext(t, at))).filter((j) =>
      j.key.startsWith(`reminder:${campaign.id}:`),
    );
    expect(planned.map((j) => j.key)).toEqual([`reminder:${campaign.id}:7:${deadline}`]);
  });

  it("a unit's deadline extension moves its reminders; the others keep the campaign's deadline", async () => {
    const { campaign, a, b, deadline } = await remindersCampaign(t);
    const until = addDays(deadline, 10);
    const ext = await t.api
      .post(`/api/v1/campaigns/${campaign.id}/deadline-extensions`)
      .set('authorization', await t.auth(DEMO.secretariat))
      .send({ unitId: b.unit.id, until, reason: 'Ảnh hưởng của bão số 3.' });
    expect(ext.status, ext.text).toBe(201);

    await runPlanned(campaign.id, addDays(deadline, -7));
    expect(await notificationsOf(t, a.officer.id, campaign.id)).toHaveLength(1);
    expect(await notificationsOf(t, b.officer.id, campaign.id)).toEqual([]);

    // After the campaign's deadline, team b still has its own: reminded 7 days before it.
    expect(await plannedOn(campaign.id, addDays(until, -8))).toEqual([]);
    const planned = await plannedOn(campaign.id, addDays(until, -7));
    expect(planned.map((j) => j.key)).toEqual([`reminder:${campaign.id}:7:${until}`]);
    await runPlanned(campaign.id, addDays(until, -7));
    const [note] = await notificationsOf(t, b.officer.id, campaign.id);
    expect(note!.body).toContain('Còn 7 ngày nữa');
    expect(await notificationsOf(t, a.officer.id, campaign.id)).toHaveLength(1);
  });

  it('a day the instance was down is caught up later, before the deadline, once', async () => {
    const { campaign, a, deadline } = await remindersCampaign(t);
    // Down on the 7th day before; up on the 5th: the 7-day reminder goes out then.
    await runPlanned(campaign.id, addDays(deadline, -5));
    const notes = await notificationsOf(t, a.officer.id, campaign.id);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body).toContain('Còn 5 ngày nữa');
    await runPlanned(campaign.id, addDays(deadline, -4));
    expect(await notificationsOf(t, a.officer.id, campaign.id)).toHaveLength(1);
    // On the deadline itself the 2-day one, if missed, still goes out; the day after, nothing.
    await runPlanned(campaign.id, deadline);
    const last = await notificationsOf(t, a.officer.id, campaign.id);
    expect(last).toHaveLength(2);
    expect(last.some((n) => n.body.startsWith('Hôm nay'))).toBe(true);
    expect(await plannedOn(campaign.id, addDays(deadline, 1))).toEqual([]);
  });

  it('a campaign that is not open is not reminded, nor one whose units all submitted', async () => {
    const closed = await remindersCampaign(t);
    await move(t, closed.campaign.id, 'close');
    expect(await plannedOn(closed.campaign.id, addDays(closed.deadline, -7))).toEqual([]);
    // A job planned while it was open and run after it closed sends nothing.
    await runScheduledReminder(jobContext(t, vietnamMorning(addDays(closed.deadline, -7))), {
      campaignId: closed.campaign.id,
      daysBefore: 7,
      deadline: closed.deadline,
    });
    expect(await written(t, closed.campaign.id)).toEqual({ reminders: 0, notifications: 0, emails: 0 });
    const { campaign, a, b, deadline } = await remindersCampaign(t);
    await submitFor(t, campaign.id, a);
    await submitFor(t, campaign.id, b);
    await runPlanned(campaign.id, addDays(deadline, -7));
    expect(await written(t, campaign.id)).toEqual({ reminders: 0, notifications: 0, emails: 0 });
  });
});
