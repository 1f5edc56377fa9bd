/**
 * Campaigns follow their dates: the system opens a draft on its start date and closes an open
 * campaign the day after its last self-assessment deadline (a unit's extension included), days
 * counted in Vietnam (UTC+7). The tests hold the clock: each tick of the app's jobs runner is given
 * the instant it runs at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents, campaigns, jobs } from '../../src/db/schema/index.ts';
import { planCampaignDates } from '../../src/modules/campaigns/schedule.ts';
import { addDays, createDraft, move, ratioCriterion, today } from '../campaigns/support.ts';
import { makeCampaign } from '../factories.ts';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** An instant given as a wall-clock time in Vietnam. */
const inVietnam = (date: string, time: string) => new Date(`${date}T${time}:00+07:00`);

async function statusOf(id: string): Promise<string> {
  const [row] = await t.database.db.select({ status: campaigns.status }).from(campaigns).where(eq(campaigns.id, id));
  return row!.status;
}

async function jobsOf(kind: string, id: string) {
  return (await t.database.db.select().from(jobs).where(eq(jobs.kind, kind))).filter(
    (j) => (j.payload as { campaignId?: string }).campaignId === id,
  );
}

/** The campaign's lifecycle events as the admin reads them in the audit log. */
async function lifecycleEvents(id: string, action: string) {
  const res = await t.api
    .get(`/api/v1/audit-events?objectId=${id}&action=${action}`)
    .set('authorization', await t.auth(DEMO.admin));
  expect(res.status, res.text).toBe(200);
  return res.body.items as { actorId: string | null; actorEmail: string | null; requestId: string }[];
}

describe('a campaign that follows its dates', () => {
  it('opens on its start date in Vietnam — not the evening before — as the system, audited', async () => {
    const startsOn = addDays(today(), 30);
    const draft = await createDraft(t, { startsOn, endsOn: addDays(startsOn, 60) });

    await t.app.jobs.tick(inVietnam(addDays(startsOn, -1), '23:59'));
    expect(await statusOf(draft.id)).toBe('draft');
    expect(await jobsOf('campaign.open', draft.id)).toEqual([]);

    // 00:05 in Vietnam is still the previous day in UTC: the day is Vietnam's.
    const report = await t.app.jobs.tick(inVietnam(startsOn, '00:05'));
    expect(report.done).toBeGreaterThanOrEqual(1);
    expect(await statusOf(draft.id)).toBe('open');
    const [job] = await jobsOf('campaign.open', draft.id);
    expect(job).toMatchObject({ status: 'done', attempts: 1, key: `campaign.open:${draft.id}:${startsOn}` });

    const events = await lifecycleEvents(draft.id, 'campaign.open');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: null, actorEmail: null, requestId: `job:${job!.key}` });

    // Ticks later that day, and the next day, change nothing.
    await t.app.jobs.tick(inVietnam(startsOn, '12:00'));
    await t.app.jobs.tick(inVietnam(addDays(startsOn, 1), '08:00'));
    expect(await jobsOf('campaign.open', draft.id)).toHaveLength(1);
    expect(await lifecycleEvents(draft.id, 'campaign.open')).toHaveLength(1);
  });

  it("closes the day after the last deadline: a unit's extension keeps it open until the day after that", async () => {
    const deadline = addDays(today(), 10);
    const c = await makeCampaign(t, {
      status: 'open',
      enrol: ['XA-THACHHAI'],
      overrides: { submissionDeadline: deadline },
    });
    const ext = await t.api
      .post(`/api/v1/campaigns/${c.id}/deadline-extensions`)
      .set('authorization', await t.auth(DEMO.secretariat))
      .send({ unitId: await t.unitId('XA-THACHHAI'), until: addDays(deadline, 3), reason: 'Mất điện kéo dài.' });
    expect(ext.status, ext.text).toBe(201);

    await t.app.jobs.tick(inVietnam(addDays(deadline, 1), '09:00'));
    await t.app.jobs.tick(inVietnam(addDays(deadline, 3), '23:30'));
    expect(await statusOf(c.id)).toBe('open');
    expect(await jobsOf('campaign.close', c.id)).toEqual([]);

    await t.app.jobs.tick(inVietnam(addDays(deadline, 4), '00:01'));
    expect(await statusOf(c.id)).toBe('closed');
    expect(await jobsOf('campaign.close', c.id)).toMatchObject([
      { status: 'done', key: `campaign.close:${c.id}:${addDays(deadline, 4)}` },
    ]);
    expect(await lifecycleEvents(c.id, 'campaign.close')).toMatchObject([{ actorId: null, actorEmail: null }]);
  });

  it('leaves alone a campaign the office closed by hand first: the planned job ends done, doing nothing', async () => {
    const deadline = addDays(today(), 5);
    const c = await makeCampaign(t, { status: 'open', overrides: { submissionDeadline: deadline } });
    const dayAfter = inVietnam(addDays(deadline, 1), '00:10');
    // Another instance has planned the close already…
    const planned = (await planCampaignDates({ db: t.database.db, now: dayAfter, config: t.config, log: t.app.log }))
      .filter((j) => (j.payload as { campaignId: string }).campaignId === c.id)
      .map((j) => ({ id: `job_test_${c.id}`, kind: j.kind, key: j.key, payload: j.payload, runAt: j.runAt! }));
    expect(planned).toHaveLength(1);
    await t.database.db.insert(jobs).values(planned);
    // …when the office closes the campaign by hand.
    await move(t, c.id, 'close');

    await t.app.jobs.tick(dayAfter);
    expect(await jobsOf('campaign.close', c.id)).toMatchObject([{ status: 'done', lastError: null }]);
    expect(await statusOf(c.id)).toBe('closed');
    const closes = await lifecycleEvents(c.id, 'campaign.close');
    expect(closes).toHaveLength(1);
    expect(closes[0]!.actorEmail).toBe(DEMO.secretariat);

    // Nor is a draft opened once the office has turned the campaign's dates off.
    const startsOn = addDays(today(), 40);
    const manual = await createDraft(t, { startsOn, endsOn: addDays(startsOn, 30) });
    const off = await t.api
      .patch(`/api/v1/campaigns/${manual.id}`)
      .set('authorization', await t.auth(DEMO.secretariat))
      .set('if-match', manual.etag)
      .send({ followsDates: false });
    expect(off.status, off.text).toBe(200);
    expect(off.body.followsDates).toBe(false);
    await t.app.jobs.tick(inVietnam(startsOn, '09:00'));
    expect(await statusOf(manual.id)).toBe('draft');
    expect(await jobsOf('campaign.open', manual.id)).toEqual([]);
  });

  it('a draft that fails its launch checks: the reason is visible to the admin, the job is retried and opens it once fixed', async () => {
    const startsOn = addDays(today(), 20);
    const draft = await createDraft(t, { startsOn, endsOn: addDays(startsOn, 60) }, { criteria: false });
    const at = inVietnam(startsOn, '07:00');

    await t.app.jobs.tick(at);
    expect(await statusOf(draft.id)).toBe('draft');
    const admin = await t.auth(DEMO.admin);
    const listed = await t.api.get('/api/v1/jobs?kind=campaign.open&status=pending').set('authorization', admin);
    expect(listed.status, listed.text).toBe(200);
    const job = listed.body.items.find((j: { key: string }) => j.key.includes(draft.id));
    expect(job).toMatchObject({ status: 'pending', attempts: 1, runAt: new Date(at.getTime() + 60_000).toISOString() });
    expect(job.lastError).toMatch(/^campaign\.no_criteria: /);
    expect(await lifecycleEvents(draft.id, 'campaign.open')).toEqual([]);

    // Not before its backoff has passed.
    await t.app.jobs.tick(new Date(at.getTime() + 30_000));
    expect((await jobsOf('campaign.open', draft.id))[0]).toMatchObject({ attempts: 1 });

    const added = await t.api
      .post(`/api/v1/campaigns/${draft.id}/criteria`)
      .set('authorization', await t.auth(DEMO.secretariat))
      .send(ratioCriterion);
    expect(added.status, added.text).toBe(201);
    await t.app.jobs.tick(new Date(at.getTime() + 60_000));
    expect(await statusOf(draft.id)).toBe('open');
    expect((await jobsOf('campaign.open', draft.id))[0]).toMatchObject({ status: 'done', attempts: 2 });
    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.objectId, draft.id), eq(auditEvents.action, 'campaign.open')));
    expect(events).toHaveLength(1);
  });
});
