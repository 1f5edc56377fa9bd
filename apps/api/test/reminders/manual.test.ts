/**
 * Manual reminders: the standing office reminds chosen participating units with a message; each
 * unit's officers and heads get it under the bell; the office sees who has read it, the unit sees
 * the reminders it received and no other unit's. Refused callers write nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { remindersCampaign, written } from './support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const MESSAGE = 'Đề nghị đơn vị hoàn thành và gửi bản tự đánh giá trước ngày 15/12.';

async function send(auth: string, campaignId: string, unitIds: string[], headers: Record<string, string> = {}) {
  const req = t.api.post(`/api/v1/campaigns/${campaignId}/reminders`).set('authorization', auth);
  for (const [k, v] of Object.entries(headers)) req.set(k, v);
  return req.send({ unitIds, message: MESSAGE });
}

describe('the office reminds chosen units', () => {
  it('sends to the units chosen; their officers and heads see it under the bell; the office sees who read it', async () => {
    const { campaign, a, b } = await remindersCampaign(t);
    const office = await t.auth(DEMO.secretariat);
    const res = await send(office, campaign.id, [a.unit.id]);
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'manual',
      message: MESSAGE,
      sentById: await t.userId(DEMO.secretariat),
      units: [{ unitId: a.unit.id, unitCode: a.unit.code }],
      recipientCount: 2,
      readCount: 0,
    });
    expect(res.body.recipients.map((r: { userId: string }) => r.userId).sort()).toEqual(
      [a.officer.id, a.head.id].sort(),
    );

    const bell = await t.api.get('/api/v1/notifications').set('authorization', a.officer.auth);
    expect(bell.status).toBe(200);
    expect(bell.body.unreadCount).toBe(1);
    const [note] = bell.body.items;
    expect(note).toMatchObject({ kind: 'reminder', campaignId: campaign.id, link: '/cua-toi', readAt: null });
    expect(note.title).toBe('Đôn đốc: Phong trào thi đua đẩy mạnh cải cách hành chính');
    expect(note.body).toContain(MESSAGE);
    expect(note.body).toContain('Hạn gửi bản tự đánh giá của');
    // Team b, and the staff member of team a, got nothing.
    for (const auth of [b.officer.auth, a.staff.auth])
      expect((await t.api.get('/api/v1/notifications').set('authorization', auth)).body.unreadCount).toBe(0);

    expect(
      (await t.api.post(`/api/v1/notifications/${note.id}/read`).set('authorization', a.officer.auth)).status,
    ).toBe(200);
    const list = await t.api.get(`/api/v1/campaigns/${campaign.id}/reminders`).set('authorization', office);
    expect(list.body.items[0]).toMatchObject({ id: res.body.id, recipientCount: 2, readCount: 1 });
    const read = list.body.items[0].recipients.find((r: { userId: string }) => r.userId === a.officer.id);
    expect(read.readAt).not.toBeNull();
  });

  it("a unit sees the reminders sent to it, and not another unit's", async () => {
    const { campaign, a, b } = await remindersCampaign(t);
    const office = await t.auth(DEMO.secretariat);
    expect((await send(office, campaign.id, [a.unit.id])).status).toBe(201);
    expect((await send(office, campaign.id, [a.unit.id, b.unit.id])).status).toBe(201);
    const seenByA = await t.api.get(`/api/v1/campaigns/${campaign.id}/reminders`).set('authorization', a.head.auth);
    expect(seenByA.body.total).toBe(2);
    const seenByB = await t.api.get(`/api/v1/campaigns/${campaign.id}/reminders`).set('authorization', b.officer.auth);
    expect(seenByB.body.total).toBe(1);
    // Of a reminder to both, each unit sees only itself and its own accounts.
    expect(seenByB.body.items[0].units).toEqual([
      { unitId: b.unit.id, unitCode: b.unit.code, unitName: expect.any(String) },
    ]);
    expect(seenByB.body.items[0].recipients.every((r: { unitId: string }) => r.unitId === b.unit.id)).toBe(true);
    // The office's list of units not yet submitted, with when each was last reminded.
    const candidates = await t.api
      .get(`/api/v1/campaigns/${campaign.id}/reminders/candidates`)
      .set('authorization', office);
    expect(candidates.status).toBe(200);
    const standing = candidates.body.items.map((c: { unitId: string; submitted: boolean }) => [c.unitId, c.submitted]);
    expect(standing).toHaveLength(2);
    expect(standing).toEqual(
      expect.arrayContaining([
        [a.unit.id, false],
        [b.unit.id, false],
      ]),
    );
    expect(candidates.body.items.every((c: { lastRemindedAt: string | null }) => c.lastRemindedAt !== null)).toBe(true);
  });

  it('a retried send with the same Idempotency-Key reminds once', async () => {
    const { campaign, a } = await remindersCampaign(t);
    const office = await t.auth(DEMO.secretariat);
    const key = { 'idempotency-key': `nhac-${campaign.id}` };
    const first = await send(office, campaign.id, [a.unit.id], key);
    const again = await send(office, campaign.id, [a.unit.id], key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(await written(t, campaign.id)).toEqual({ reminders: 1, notifications: 2, emails: 2 });
  });
});

describe('refusals write nothing', () => {
  it('units, the leader and the reception may not send reminders (403)', async () => {
    const { campaign, a } = await remindersCampaign(t);
    for (const auth of [a.officer.auth, a.head.auth, await t.auth(DEMO.leader), await t.auth(DEMO.reception)]) {
      const res = await send(auth, campaign.id, [a.unit.id]);
      expect(res.status).toBe(403);
    }
    expect(await written(t, campaign.id)).toEqual({ reminders: 0, notifications: 0, emails: 0 });
  });

  it("another authority's office does not see the campaign (404); a unit outside the campaign is refused (400)", async () => {
    const { campaign, a } = await remindersCampaign(t);
    const other = await send(await t.auth('noivu@thanhsen.hatinh.gov.vn'), campaign.id, [a.unit.id]);
    expect(other.status).toBe(404);
    const outside = await send(await t.auth(DEMO.secretariat), campaign.id, [a.unit.id, await t.unitId('XA-THACHHAI')]);
    expect(outside.status).toBe(400);
    expect(outside.body.code).toBe('reminder.unit_not_participant');
    expect(outside.body.errors).toEqual([expect.objectContaining({ field: '/unitIds/1' })]);
    expect(await written(t, campaign.id)).toEqual({ reminders: 0, notifications: 0, emails: 0 });
  });

  it('a closed campaign is not reminded (409) and an empty message is refused (400)', async () => {
    const { campaign, a } = await remindersCampaign(t);
    const office = await t.auth(DEMO.secretariat);
    const blank = await t.api
      .post(`/api/v1/campaigns/${campaign.id}/reminders`)
      .set('authorization', office)
      .send({ unitIds: [a.unit.id], message: '   ' });
    expect(blank.status).toBe(400);
    const close = await t.api.post(`/api/v1/campaigns/${campaign.id}/close`).set('authorization', office);
    expect(close.status).toBe(200);
    const closed = await send(office, campaign.id, [a.unit.id]);
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('reminder.campaign_not_open');
    expect(await written(t, campaign.id)).toEqual({ reminders: 0, notifications: 0, emails: 0 });
  });
});
