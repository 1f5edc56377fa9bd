/**
 * The progress dashboard: counts by status and timing, the unit table with its filters, per
 * criterion how many units meet it, and who sees which lines (a unit only its own).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInVietnam } from '../../src/modules/campaigns/dates.ts';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { makeAccount, makeUnit, unique } from '../factories.ts';
import { createDraft, etagOf, move } from '../campaigns/support.ts';

let t: TestApp;
const today = todayInVietnam();

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

function must<T extends { status: number; text: string }>(res: T, status: number, what: string): T {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${res.text}`);
  return res;
}

/** The units' names: E's alone holds "Hải", for the search. */
const WORDS: Record<string, string> = { A: 'An', B: 'Bình', C: 'Cẩm', D: 'Đông', E: 'Hải', F: 'Phú', G: 'Quang' };

type Step = 'none' | 'enrolled' | 'draft' | 'submitted' | 'returned' | 'accepted';
interface Line {
  id: string;
  name: string;
  head: string;
  submissionId?: string;
}

/**
 * A campaign of its own for seven named units in every state, with a ratio criterion (1.2.a.8,
 * met above 30 %) and a boolean one (2.1). After everyone has submitted, the common deadline moves
 * to yesterday and D, E and F get an extension: G's first submission is then late, theirs on time.
 */
async function campaignInEveryState() {
  const office = await t.auth(DEMO.secretariat);
  const tag = unique('TD');
  const plan: [string, Step, { ratio: number; done: boolean }?][] = [
    ['A', 'none'],
    ['B', 'enrolled'],
    ['C', 'draft', { ratio: 90, done: true }],
    ['D', 'submitted', { ratio: 50, done: false }],
    ['E', 'returned', { ratio: 10, done: false }],
    ['F', 'accepted', { ratio: 20, done: false }],
    ['G', 'submitted', { ratio: 40, done: false }],
  ];
  const lines: Record<string, Line> = {};
  for (const [key] of plan) {
    const name = `Xã ${WORDS[key]} ${tag}`;
    const unit = await makeUnit(t, { kind: 'other', name });
    const head = await makeAccount(t, 'unit_head', unit.id);
    lines[key] = { id: unit.id, name, head: head.email };
  }
  const draft = await createDraft(t, {
    submissionDeadline: addDays(today, 10),
    participants: { kinds: [], unitIds: Object.values(lines).map((l) => l.id), individualsTakePart: false },
  });
  const boolean = must(
    await t.api.post(`/api/v1/campaigns/${draft.id}/criteria`).set('authorization', office).send({
      code: '2.1',
      target: 'collective',
      group: 'general',
      title: 'Ban hành kế hoạch cải cách hành chính năm',
      kind: 'boolean',
    }),
    201,
    'criterion',
  );
  const campaignId = draft.id;
  await move(t, campaignId, 'open');
  const criteria = must(
    await t.api.get(`/api/v1/campaigns/${campaignId}/criteria?target=collective`).set('authorization', office),
    200,
    'criteria',
  ).body.items as { id: string; code: string }[];
  const ratioId = criteria.find((c) => c.code === '1.2.a.8')!.id;

  for (const [key, step, answer] of plan) {
    if (step === 'none') continue;
    const line = lines[key]!;
    const head = await t.auth(line.head);
    must(
      await t.api
        .post(`/api/v1/campaigns/${campaignId}/enrollments`)
        .set('authorization', office)
        .send({ unitId: line.id, commitment: 'Cam kết thực hiện đầy đủ các tiêu chí.' }),
      201,
      `enrol ${key}`,
    );
    if (step === 'enrolled') continue;
    const started = must(
      await t.api.post(`/api/v1/campaigns/${campaignId}/submissions`).set('authorization', head).send({}),
      201,
      `start ${key}`,
    );
    line.submissionId = started.body.id;
    must(
      await t.api
        .patch(`/api/v1/submissions/${line.submissionId}`)
        .set('authorization', head)
        .set('if-match', etagOf(started))
        .send({
          answers: [
            { criterionId: ratioId, answer: { numerator: answer!.ratio, denominator: 100 } },
            { criterionId: boolean.body.id, answer: { value: answer!.done } },
          ],
        }),
      200,
      `answer ${key}`,
    );
    if (step === 'draft') continue;
    must(
      await t.api.post(`/api/v1/submissions/${line.submissionId}/submit`).set('authorization', head),
      200,
      `submit ${key}`,
    );
    if (step === 'returned')
      must(
        await t.api
          .post(`/api/v1/submissions/${line.submissionId}/return`)
          .set('authorization', office)
          .send({ reason: 'Bổ sung số liệu.' }),
        200,
        `return ${key}`,
      );
    if (step === 'accepted') {
      // accept needs every criterion reviewed (the reviewer confirms the automatic verdicts)
      const review = must(
        await t.api.get(`/api/v1/submissions/${line.submissionId}/review`).set('authorization', office),
        200,
        `review ${key}`,
      );
      must(
        await t.api
          .patch(`/api/v1/submissions/${line.submissionId}/review`)
          .set('authorization', office)
          .set('if-match', etagOf(review))
          .send({
            criteria: [
              { criterionId: ratioId, verdict: 'not_met' },
              { criterionId: boolean.body.id, verdict: 'not_met' },
            ],
          }),
        200,
        `score ${key}`,
      );
      must(
        await t.api.post(`/api/v1/submissions/${line.submissionId}/accept`).set('authorization', office).send({}),
        200,
        `accept ${key}`,
      );
    }
  }

  const read = await t.api.get(`/api/v1/campaigns/${campaignId}`).set('authorization', office);
  must(
    await t.api
      .patch(`/api/v1/campaigns/${campaignId}`)
      .set('authorization', office)
      .set('if-match', etagOf(read))
      .send({ submissionDeadline: addDays(today, -1) }),
    200,
    'deadline',
  );
  for (const key of ['D', 'E', 'F'])
    must(
      await t.api
        .post(`/api/v1/campaigns/${campaignId}/deadline-extensions`)
        .set('authorization', office)
        .send({ unitId: lines[key]!.id, until: addDays(today, 30), reason: 'Ảnh hưởng của mưa lũ.' }),
      201,
      `extend ${key}`,
    );
  return { campaignId, lines, tag };
}

const progress = async (campaignId: string, who: string, query = '') =>
  t.api.get(`/api/v1/campaigns/${campaignId}/progress${query}`).set('authorization', await t.auth(who));

interface UnitLine {
  unitId: string;
  unitName: string;
  status: string;
  submissionId: string | null;
  late: boolean;
  overdue: boolean;
  deadline: string;
  deadlineExtended: boolean;
  daysToDeadline: number;
  lastActivityAt: string | null;
  criteriaMet: number | null;
}

describe('the progress dashboard', () => {
  it('counts the units in each state, splits first submissions on time and late, filters the table, and counts per criterion', async () => {
    const { campaignId, lines, tag } = await campaignInEveryState();
    const res = await progress(campaignId, DEMO.secretariat, '?pageSize=100');
    expect(res.status, res.text).toBe(200);
    expect(res.body.ownUnitsOnly).toBe(false);
    expect(res.body.counts).toEqual({
      participants: 7,
      enrolled: 6,
      notEnrolled: 1,
      notStarted: 1,
      drafting: 1,
      submitted: 2,
      returned: 1,
      accepted: 1,
      submittedOnTime: 3,
      submittedLate: 1,
      overdue: 3,
    });
    const byId = new Map((res.body.units.items as UnitLine[]).map((u) => [u.unitId, u]));
    expect(res.body.units.total).toBe(7);
    const line = (key: string) => byId.get(lines[key]!.id)!;
    expect(line('A')).toMatchObject({
      status: 'not_enrolled',
      submissionId: null,
      overdue: true,
      lastActivityAt: null,
    });
    expect(line('B')).toMatchObject({ status: 'not_started', overdue: true, daysToDeadline: -1 });
    expect(line('B').lastActivityAt).not.toBeNull();
    // a draft is a status to the office, never a way into it
    expect(line('C')).toMatchObject({ status: 'draft', submissionId: null, overdue: true, criteriaMet: null });
    expect(line('D')).toMatchObject({
      status: 'submitted',
      submissionId: lines.D!.submissionId,
      late: false,
      deadline: addDays(today, 30),
      deadlineExtended: true,
      daysToDeadline: 30,
      criteriaMet: 1,
    });
    expect(line('E')).toMatchObject({ status: 'returned', late: false, criteriaMet: 0 });
    expect(line('F')).toMatchObject({ status: 'accepted', late: false });
    expect(line('G')).toMatchObject({
      status: 'submitted',
      late: true,
      deadline: addDays(today, -1),
      deadlineExtended: false,
      daysToDeadline: -1,
    });

    const ids = async (query: string) =>
      ((await progress(campaignId, DEMO.secretariat, query)).body.units.items as UnitLine[]).map((u) => u.unitName);
    expect(await ids('?status=late')).toEqual([lines.G!.name]);
    expect((await ids('?status=overdue')).sort()).toEqual([lines.A!.name, lines.B!.name, lines.C!.name].sort());
    expect((await ids('?status=on_time')).sort()).toEqual([lines.D!.name, lines.E!.name, lines.F!.name].sort());
    expect(await ids('?status=returned')).toEqual([lines.E!.name]);
    // search ignores diacritics; paging keeps the total of what matches
    expect(await ids(`?q=${encodeURIComponent(`xa hai ${tag}`)}`)).toEqual([lines.E!.name]);
    const paged = await progress(campaignId, DEMO.secretariat, '?pageSize=2&page=2');
    expect(paged.body.units).toMatchObject({ page: 2, pageSize: 2, total: 7 });
    expect(paged.body.units.items).toHaveLength(2);
    expect((await progress(campaignId, DEMO.secretariat, '?status=bogus')).status).toBe(400);

    // per criterion, from the versions submitted (C's draft is not counted): 2.1 is failed by the
    // four submitted units, 1.2.a.8 by E and F only, so 2.1 comes first; the leadership sees the same
    const leader = await progress(campaignId, DEMO.leader);
    expect(leader.body.counts).toEqual(res.body.counts);
    expect(leader.body.criteria).toMatchObject([
      { code: '2.1', met: 0, notMet: 4, needsReview: 0, notAnswered: 3 },
      { code: '1.2.a.8', met: 2, notMet: 2, needsReview: 0, notAnswered: 3 },
    ]);
  });

  it("a unit's officer sees its own unit's line only; another unit's officer sees nothing of it", async () => {
    const { campaignId, lines } = await campaignInEveryState();
    const officerD = await makeAccount(t, 'unit_officer', lines.D!.id);
    const own = await progress(campaignId, officerD.email, '?pageSize=100');
    expect(own.status, own.text).toBe(200);
    expect(own.body.ownUnitsOnly).toBe(true);
    expect(own.body.units.items.map((u: UnitLine) => u.unitId)).toEqual([lines.D!.id]);
    expect(own.body.counts).toMatchObject({ participants: 1, enrolled: 1, submitted: 1, submittedOnTime: 1 });
    expect(own.body.counts.drafting + own.body.counts.returned + own.body.counts.accepted).toBe(0);
    expect(own.body.criteria).toMatchObject([
      { code: '2.1', met: 0, notMet: 1, notAnswered: 0 },
      { code: '1.2.a.8', met: 1, notMet: 0, notAnswered: 0 },
    ]);
    // their draft is theirs: C's head gets its id
    const draftHead = await progress(campaignId, lines.C!.head);
    expect(draftHead.body.units.items).toMatchObject([{ status: 'draft', submissionId: lines.C!.submissionId }]);
    expect(draftHead.body.criteria.every((c: { notAnswered: number }) => c.notAnswered === 1)).toBe(true);

    const officerE = await makeAccount(t, 'unit_officer', lines.E!.id);
    const other = await progress(campaignId, officerE.email, `?pageSize=100&status=submitted`);
    expect(other.status).toBe(200);
    expect(other.body.units.items).toEqual([]);
    expect(other.body.counts).toMatchObject({ participants: 1, submitted: 0, returned: 1 });
    expect(JSON.stringify(other.body)).not.toContain(lines.D!.id);
  });

  it('another authority gets 404, staff 403, the anonymous 401', async () => {
    const { id: campaignId } = await createDraft(t);
    await move(t, campaignId, 'open');
    expect((await progress(campaignId, DEMO.secretariat)).status).toBe(200);
    expect((await progress(campaignId, 'noivu@thanhsen.hatinh.gov.vn')).status).toBe(404);
    const staff = await progress(campaignId, DEMO.staff);
    expect(staff.status).toBe(403);
    expect((await t.api.get(`/api/v1/campaigns/${campaignId}/progress`)).status).toBe(401);
    expect((await progress('c_nothing', DEMO.secretariat)).status).toBe(404);
  });
});
