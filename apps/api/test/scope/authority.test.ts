/**
 * Two authorities in one installation: Thạch Hà (the demo's UBND-TH and its communes) and a second
 * authority made here, each with a secretariat held at its own authority unit. Neither secretariat
 * reads (404), lists (absent), counts (totals) or changes (404, nothing written) the other's
 * self-assessments, findings, initiatives or files. Campaigns, units, people and the audit log are
 * separated in another file. Each test makes its own campaigns and records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import {
  auditEvents,
  deadlineExtensions,
  files,
  findings,
  initiatives,
  submissions,
  userRoles,
} from '../../src/db/schema/index.ts';
import { addDays, todayInVietnam } from '../../src/modules/campaigns/dates.ts';
import { ACCOUNT_PASSWORD, createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { pdf } from '../files/fixtures.ts';
import { etagOf, personOf } from '../submissions/support.ts';

let t: TestApp;

/** One authority as these tests use it: its root, a commune under it, its secretariat and the commune's head. */
interface Authority {
  name: string;
  authorityId: string;
  unitId: string;
  /** A staff member of the commune (author of initiatives). */
  personId: string;
  /** E-mail of a secretariat account held at the authority unit. */
  secretariat: string;
  /** E-mail of the commune's head. */
  head: string;
}

let thachHa: Authority;
let kyAnh: Authority;
let seq = 0;

/** What these tests read of an answer (supertest's and the inject client's alike). */
interface Response {
  status: number;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  headers: Record<string, string | undefined>;
}

function must<R extends Response>(res: R, status: number, what: string): R {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${res.text}`);
  return res;
}

const as = async (email: string) => t.auth(email);

async function makeAccount(email: string, role: string, unitId: string): Promise<string> {
  const res = must(
    await t.api
      .post('/api/v1/users')
      .set('authorization', await as(DEMO.admin))
      .send({
        email,
        fullName: `Tài khoản ${role}`,
        password: ACCOUNT_PASSWORD,
        mustChangePassword: false,
        roles: [{ role, unitId }],
      }),
    201,
    `account ${email}`,
  );
  // The users API keeps the unit of unit roles only today: an authority-wide grant held at a unit is
  // written here until it keeps that one too (before the account first signs in). No-op after that.
  await t.database.db
    .update(userRoles)
    .set({ unitId })
    .where(and(eq(userRoles.userId, res.body.id as string), eq(userRoles.role, role)));
  return email;
}

async function makeUnit(body: Record<string, unknown>): Promise<string> {
  const res = must(
    await t.api
      .post('/api/v1/units')
      .set('authorization', await as(DEMO.admin))
      .send(body),
    201,
    `unit ${String(body.code)}`,
  );
  return res.body.id as string;
}

beforeAll(async () => {
  t = await createTestApp();
  // Thạch Hà: the demo's tree; its secretariat is held at UBND-TH (the demo account may not be).
  const thAuthority = await t.unitId('UBND-TH');
  thachHa = {
    name: 'Thạch Hà',
    authorityId: thAuthority,
    unitId: await t.unitId('XA-THACHHAI'),
    personId: await personOf(t, 'XA-THACHHAI'),
    secretariat: await makeAccount('vanphong.th@thachha.gov.vn', 'secretariat', thAuthority),
    head: DEMO.unitHead,
  };
  // Kỳ Anh: a second root authority with one commune, its staff member, secretariat and head.
  const kaAuthority = await makeUnit({
    parentId: null,
    code: 'UBND-KA',
    name: 'UBND thị xã Kỳ Anh',
    kind: 'authority',
  });
  const kaCommune = await makeUnit({ parentId: kaAuthority, code: 'XA-KYHA', name: 'UBND xã Kỳ Hà', kind: 'commune' });
  const person = must(
    await t.api
      .post('/api/v1/people')
      .set('authorization', await as(DEMO.admin))
      .send({ unitId: kaCommune, fullName: 'Nguyễn Văn Kỳ', position: 'Công chức Văn phòng' }),
    201,
    'person',
  );
  kyAnh = {
    name: 'Kỳ Anh',
    authorityId: kaAuthority,
    unitId: kaCommune,
    personId: person.body.id as string,
    secretariat: await makeAccount('vanphong@kyanh.gov.vn', 'secretariat', kaAuthority),
    head: await makeAccount('chutich@kyha.gov.vn', 'unit_head', kaCommune),
  };
});
afterAll(() => t.close());

/** Each pair: one authority's secretariat against the other's records. */
const pairs = (): [Authority, Authority][] => [
  [thachHa, kyAnh],
  [kyAnh, thachHa],
];

/** An open campaign of the authority, issued and run by its secretariat, with its commune enrolled. */
async function openCampaign(a: Authority): Promise<{ id: string; criterionId: string }> {
  const auth = await as(a.secretariat);
  const today = todayInVietnam();
  const created = must(
    await t.api
      .post('/api/v1/campaigns')
      .set('authorization', auth)
      .send({
        number: `/KH-UBND-${++seq}`,
        title: `Phong trào thi đua chuyển đổi số ${a.name} ${seq}`,
        authorityUnitId: a.authorityId,
        startsOn: addDays(today, -7),
        endsOn: addDays(today, 60),
        participants: { kinds: [], unitIds: [a.unitId], individualsTakePart: false },
      }),
    201,
    `campaign of ${a.name}`,
  );
  const id = created.body.id as string;
  const criterion = must(
    await t.api.post(`/api/v1/campaigns/${id}/criteria`).set('authorization', auth).send({
      code: '1.1',
      target: 'collective',
      group: 'specific',
      title: 'Tỷ lệ thủ tục hành chính có phát sinh hồ sơ trực tuyến',
      kind: 'ratio',
      comparator: 'gt',
      threshold: 30,
    }),
    201,
    'criterion',
  );
  must(await t.api.post(`/api/v1/campaigns/${id}/open`).set('authorization', auth), 200, 'open');
  must(
    await t.api
      .post(`/api/v1/campaigns/${id}/enrollments`)
      .set('authorization', auth)
      .send({ unitId: a.unitId, commitment: 'Cam kết thực hiện đầy đủ các tiêu chí.' }),
    201,
    'enrol',
  );
  return { id, criterionId: criterion.body.id as string };
}

/** The commune's self-assessment in the campaign, answered and submitted by its head. */
async function submittedSubmission(a: Authority, campaign: { id: string; criterionId: string }): Promise<string> {
  const auth = await as(a.head);
  const started = must(
    await t.api.post(`/api/v1/campaigns/${campaign.id}/submissions`).set('authorization', auth).send({}),
    201,
    'start',
  );
  const id = started.body.id as string;
  must(
    await t.api
      .patch(`/api/v1/submissions/${id}`)
      .set('authorization', auth)
      .set('if-match', etagOf(started))
      .send({ answers: [{ criterionId: campaign.criterionId, answer: { numerator: 35, denominator: 100 } }] }),
    200,
    'answer',
  );
  must(await t.api.post(`/api/v1/submissions/${id}/submit`).set('authorization', auth), 200, 'submit');
  return id;
}

async function recordFinding(a: Authority, campaignId: string, fileIds: string[] = []): Promise<string> {
  const today = todayInVietnam();
  const res = must(
    await t.api
      .post(`/api/v1/campaigns/${campaignId}/findings`)
      .set('authorization', await as(a.secretariat))
      .send({
        unitId: a.unitId,
        title: `Chưa niêm yết đầy đủ thủ tục hành chính (${a.name})`,
        inspectionName: 'Đoàn kiểm tra CCHC',
        inspectedOn: today,
        dueOn: addDays(today, 14),
        fileIds,
      }),
    201,
    'finding',
  );
  return res.body.id as string;
}

async function registerInitiative(a: Authority): Promise<string> {
  const res = must(
    await t.api
      .post('/api/v1/initiatives')
      .set('authorization', await as(a.secretariat))
      .send({ unitId: a.unitId, title: `Số hóa hồ sơ hộ tịch (${a.name})`, authorPersonIds: [a.personId] }),
    201,
    'initiative',
  );
  return res.body.id as string;
}

/** A PDF uploaded by `email`, for `unitId` or (without) for the authority itself. */
async function upload(email: string, name: string, unitId?: string) {
  let req = t.api.post('/api/v1/files').set('authorization', await as(email));
  if (unitId) req = req.field('unitId', unitId);
  return req.attach('file', pdf(), { filename: name, contentType: 'application/pdf' });
}

/** What a refused change must leave as it was: the rows of the tables involved and the audit log. */
async function written() {
  const db = t.database.db;
  const [[audit], [sub], [ext], [fnd], [ini], [fil]] = await Promise.all([
    db.select({ n: count() }).from(auditEvents),
    db.select({ n: count() }).from(submissions),
    db.select({ n: count() }).from(deadlineExtensions),
    db.select({ n: count() }).from(findings),
    db.select({ n: count() }).from(initiatives),
    db.select({ n: count() }).from(files),
  ]);
  return {
    audit: audit!.n,
    submissions: sub!.n,
    extensions: ext!.n,
    findings: fnd!.n,
    initiatives: ini!.n,
    files: fil!.n,
  };
}

const NOT_FOUND = { status: 404, code: 'not_found' };
const outcome = (res: Response) => ({ status: res.status, code: res.body?.code as string | undefined });

describe("an authority's secretariat and another authority's self-assessments", () => {
  it('reads, lists and counts its own; the other authority’s answer 404 and change nothing', async () => {
    const campaigns = new Map<Authority, { id: string; criterionId: string }>();
    const ids = new Map<Authority, string>();
    for (const a of [thachHa, kyAnh]) {
      const campaign = await openCampaign(a);
      campaigns.set(a, campaign);
      ids.set(a, await submittedSubmission(a, campaign));
    }

    for (const [me, them] of pairs()) {
      const auth = await as(me.secretariat);
      const mine = ids.get(me)!;
      const theirs = ids.get(them)!;
      const myCampaign = campaigns.get(me)!.id;
      const theirCampaign = campaigns.get(them)!.id;

      // Its own: read, listed, counted (the control that makes the refusals below mean something).
      expect((await t.api.get(`/api/v1/submissions/${mine}`).set('authorization', auth)).status).toBe(200);
      const list = await t.api.get(`/api/v1/campaigns/${myCampaign}/submissions`).set('authorization', auth);
      expect(list.status).toBe(200);
      expect(list.body.items.map((s: { id: string }) => s.id)).toEqual([mine]);
      expect(list.body.total).toBe(1);

      // The other's: as if it did not exist.
      const before = await written();
      for (const path of [
        `/api/v1/submissions/${theirs}`,
        `/api/v1/submissions/${theirs}/versions`,
        `/api/v1/submissions/${theirs}/versions/1`,
        `/api/v1/submissions/${theirs}/versions/1/diff`,
        `/api/v1/campaigns/${theirCampaign}/submissions`,
        `/api/v1/campaigns/${theirCampaign}/deadline-extensions`,
      ])
        expect(outcome(await t.api.get(path).set('authorization', auth)), path).toEqual(NOT_FOUND);
      // Filtering its own campaign's list by the other's unit finds nothing.
      const filtered = await t.api
        .get(`/api/v1/campaigns/${myCampaign}/submissions?unitId=${them.unitId}`)
        .set('authorization', auth);
      expect(filtered.body).toMatchObject({ items: [], total: 0 });

      const refusals: [string, object][] = [
        [`/api/v1/submissions/${theirs}/return`, { reason: 'Trả lại để bổ sung' }],
        [`/api/v1/submissions/${theirs}/accept`, { comment: 'Đạt' }],
        [
          `/api/v1/campaigns/${theirCampaign}/deadline-extensions`,
          { unitId: them.unitId, until: addDays(todayInVietnam(), 90), reason: 'Gia hạn' },
        ],
      ];
      for (const [path, body] of refusals)
        expect(outcome(await t.api.post(path).set('authorization', auth).send(body)), path).toEqual(NOT_FOUND);
      expect(await written()).toEqual(before);
      const [row] = await t.database.db
        .select({ status: submissions.status })
        .from(submissions)
        .where(eq(submissions.id, theirs));
      expect(row!.status).toBe('submitted');
    }

    // An office held without a unit (the administrator) sees both: the data the refusals hid exists.
    for (const a of [thachHa, kyAnh]) {
      const res = await t.api.get(`/api/v1/submissions/${ids.get(a)}`).set('authorization', await as(DEMO.admin));
      expect(res.status).toBe(200);
    }
  });
});

describe("an authority's secretariat and another authority's findings", () => {
  it('reads, lists and counts its own; the other authority’s answer 404 and change nothing', async () => {
    const campaigns = new Map<Authority, string>();
    const ids = new Map<Authority, string>();
    for (const a of [thachHa, kyAnh]) {
      const campaign = (await openCampaign(a)).id;
      campaigns.set(a, campaign);
      ids.set(a, await recordFinding(a, campaign));
    }

    for (const [me, them] of pairs()) {
      const auth = await as(me.secretariat);
      const mine = ids.get(me)!;
      const theirs = ids.get(them)!;
      const myCampaign = campaigns.get(me)!;
      const theirCampaign = campaigns.get(them)!;

      const own = await t.api.get(`/api/v1/findings/${mine}`).set('authorization', auth);
      expect(own.status).toBe(200);
      const list = await t.api.get(`/api/v1/campaigns/${myCampaign}/findings`).set('authorization', auth);
      expect(list.body.items.map((f: { id: string }) => f.id)).toEqual([mine]);
      expect(list.body.total).toBe(1);
      expect(list.body.stats).toMatchObject({ total: 1, open: 1 });
      const rates = await t.api.get(`/api/v1/campaigns/${myCampaign}/findings/remedy-rates`).set('authorization', auth);
      expect(rates.body.items.map((r: { unitId: string }) => r.unitId)).toEqual([me.unitId]);

      const before = await written();
      for (const path of [
        `/api/v1/findings/${theirs}`,
        `/api/v1/campaigns/${theirCampaign}/findings`,
        `/api/v1/campaigns/${theirCampaign}/findings/remedy-rates`,
      ])
        expect(outcome(await t.api.get(path).set('authorization', auth)), path).toEqual(NOT_FOUND);
      const filtered = await t.api
        .get(`/api/v1/campaigns/${myCampaign}/findings?unitId=${them.unitId}`)
        .set('authorization', auth);
      expect(filtered.body).toMatchObject({ items: [], total: 0, stats: { total: 0 } });

      const patch = await t.api
        .patch(`/api/v1/findings/${theirs}`)
        .set('authorization', auth)
        .set('if-match', etagOf(own))
        .send({ title: 'Đổi tên' });
      expect(outcome(patch)).toEqual(NOT_FOUND);
      for (const [action, body] of [
        ['verify', undefined],
        ['reopen', { reason: 'Mở lại' }],
      ] as const) {
        const req = t.api.post(`/api/v1/findings/${theirs}/${action}`).set('authorization', auth);
        expect(outcome(await (body ? req.send(body) : req)), action).toEqual(NOT_FOUND);
      }
      const recorded = await t.api.post(`/api/v1/campaigns/${theirCampaign}/findings`).set('authorization', auth).send({
        unitId: them.unitId,
        title: 'Ghi nhận trộm',
        inspectionName: 'Đoàn kiểm tra',
        inspectedOn: todayInVietnam(),
      });
      expect(outcome(recorded)).toEqual(NOT_FOUND);
      expect(await written()).toEqual(before);
    }
  });
});

describe("an authority's secretariat and another authority's initiatives", () => {
  it('reads, lists and counts its own; the other authority’s answer 404 and change nothing', async () => {
    const ids = new Map<Authority, string>();
    for (const a of [thachHa, kyAnh]) ids.set(a, await registerInitiative(a));
    // Kỳ Anh's is recognised, so that the recognised count has something to leave out.
    must(
      await t.api
        .post(`/api/v1/initiatives/${ids.get(kyAnh)}/recognise`)
        .set('authorization', await as(kyAnh.secretariat))
        .send({ authority: 'Hội đồng Sáng kiến thị xã', decisionNumber: '12/QĐ-UBND', decidedOn: todayInVietnam() }),
      200,
      'recognise',
    );

    // What each authority holds, counted in the database: the list's totals must be exactly these.
    const rows = await t.database.db
      .select({ id: initiatives.id, unitId: initiatives.unitId, status: initiatives.status })
      .from(initiatives);
    const kaRows = rows.filter((r) => r.unitId === kyAnh.unitId);
    expect(kaRows).toHaveLength(1);

    for (const [me, them] of pairs()) {
      const auth = await as(me.secretariat);
      const mine = ids.get(me)!;
      const theirs = ids.get(them)!;

      const own = await t.api.get(`/api/v1/initiatives/${mine}`).set('authorization', auth);
      expect(own.status).toBe(200);
      const list = await t.api.get('/api/v1/initiatives?pageSize=100').set('authorization', auth);
      expect(list.status).toBe(200);
      const listed = list.body.items.map((i: { id: string }) => i.id);
      expect(listed).toContain(mine);
      expect(listed).not.toContain(theirs);
      const expected = me === kyAnh ? kaRows : rows.filter((r) => r.unitId !== kyAnh.unitId);
      expect(list.body.total).toBe(expected.length);
      expect(list.body.recognisedCount).toBe(expected.filter((r) => r.status === 'recognised').length);
      const filtered = await t.api.get(`/api/v1/initiatives?unitId=${them.unitId}`).set('authorization', auth);
      expect(filtered.body).toMatchObject({ items: [], total: 0, recognisedCount: 0 });

      const before = await written();
      expect(outcome(await t.api.get(`/api/v1/initiatives/${theirs}`).set('authorization', auth))).toEqual(NOT_FOUND);
      const patch = await t.api
        .patch(`/api/v1/initiatives/${theirs}`)
        .set('authorization', auth)
        .set('if-match', etagOf(own))
        .send({ title: 'Đổi tên' });
      expect(outcome(patch)).toEqual(NOT_FOUND);
      const recognise = await t.api
        .post(`/api/v1/initiatives/${theirs}/recognise`)
        .set('authorization', auth)
        .send({ authority: 'Hội đồng', decisionNumber: '1/QĐ', decidedOn: todayInVietnam() });
      expect(outcome(recognise)).toEqual(NOT_FOUND);
      // Nor does it register one for the other authority's commune.
      const create = await t.api
        .post('/api/v1/initiatives')
        .set('authorization', auth)
        .send({ unitId: them.unitId, title: 'Ghi trộm', authorPersonIds: [them.personId] });
      expect(create.status).toBe(403);
      expect(await written()).toEqual(before);
    }
  });
});

describe("an authority's secretariat and another authority's files", () => {
  it('reads its own; the other authority’s answer 404, cannot be attached, and nothing changes', async () => {
    const unitFiles = new Map<Authority, string>();
    const findingFiles = new Map<Authority, string>();
    const campaigns = new Map<Authority, string>();
    for (const a of [thachHa, kyAnh]) {
      // A file of the commune, and an authority file (no unit) among the documents of a finding.
      unitFiles.set(a, must(await upload(a.secretariat, 'bien-ban.pdf', a.unitId), 201, 'upload').body.id as string);
      const documents = must(await upload(a.secretariat, 'ket-luan-kiem-tra.pdf'), 201, 'upload').body.id as string;
      findingFiles.set(a, documents);
      const campaign = (await openCampaign(a)).id;
      campaigns.set(a, campaign);
      await recordFinding(a, campaign, [documents]);
    }
    // A second account of each office (its leader, held at the same authority) reads the inspection
    // documents through the finding, not as their uploader.
    const readers = new Map<Authority, string>();
    for (const a of [thachHa, kyAnh])
      readers.set(
        a,
        await makeAccount(`lanhdao.${seq++}@${a === kyAnh ? 'kyanh' : 'thachha'}.gov.vn`, 'leader', a.authorityId),
      );

    for (const [me, them] of pairs()) {
      const auth = await as(me.secretariat);
      const reader = await as(readers.get(me)!);
      for (const id of [unitFiles.get(me)!, findingFiles.get(me)!]) {
        expect((await t.api.get(`/api/v1/files/${id}`).set('authorization', auth)).status).toBe(200);
        expect((await t.api.get(`/api/v1/files/${id}`).set('authorization', reader)).status).toBe(200);
      }

      const before = await written();
      for (const id of [unitFiles.get(them)!, findingFiles.get(them)!]) {
        for (const who of [auth, reader]) {
          expect(outcome(await t.api.get(`/api/v1/files/${id}`).set('authorization', who))).toEqual(NOT_FOUND);
          expect(outcome(await t.api.get(`/api/v1/files/${id}/content`).set('authorization', who))).toEqual(NOT_FOUND);
        }
        expect(outcome(await t.api.delete(`/api/v1/files/${id}`).set('authorization', auth))).toEqual(NOT_FOUND);
      }
      // The other's authority file cannot be attached to its own finding …
      const attach = await t.api
        .post(`/api/v1/campaigns/${campaigns.get(me)}/findings`)
        .set('authorization', auth)
        .send({
          unitId: me.unitId,
          title: 'Đính kèm trộm',
          inspectionName: 'Đoàn kiểm tra',
          inspectedOn: todayInVietnam(),
          fileIds: [findingFiles.get(them)!],
        });
      expect(attach.status).toBe(400);
      expect(attach.body.errors).toMatchObject([{ field: '/fileIds/0', code: 'file.not_attachable' }]);
      // … nor uploaded for the other authority's commune.
      const uploaded = await upload(me.secretariat, 'gui-ho.pdf', them.unitId);
      expect(uploaded.status).toBe(400);
      expect(uploaded.body.errors).toMatchObject([{ field: '/unitId', code: 'file.unit_not_allowed' }]);
      expect(await written()).toEqual(before);
    }
  });
});
