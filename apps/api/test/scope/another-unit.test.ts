/**
 * Object-level authorization (QUALITY.md), generated from the route table: for every submissions,
 * findings, initiatives and files route that takes an id, the officer of another unit (Phòng Tư
 * pháp) sending XA-THACHHAI's ids gets exactly what an id that does not exist gets — 404, or 403
 * where the officer's role may not call the route at all — and nothing changes in the database.
 * Their lists, counts and searches contain none of XA-THACHHAI's objects.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { refusalOf, rolesWith, type Permission, type RoleName } from '@thidua/contract';
import {
  auditEvents,
  deadlineExtensions,
  fileAttachments,
  files,
  findings,
  initiativeAuthors,
  initiatives,
  submissionAnswers,
  submissions,
  submissionVersions,
} from '../../src/db/schema/index.ts';
import type { Access } from '../../src/plugins/auth.ts';
import { addDays, todayInVietnam } from '../../src/modules/campaigns/dates.ts';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { criteriaByCode, demoCampaignId, personOf, uploadPdf, etagOf } from '../submissions/support.ts';

const OUTSIDER = DEMO.otherUnitOfficer;
const OUTSIDER_ROLE: RoleName = 'unit_officer';
const MISSING_ID = 'zz_does_not_exist_0000';
/** Routes under these resources that take an object id are all covered. */
const SCOPED = /^\/api\/v1\/(submissions|findings|initiatives|files)\/:id/;

let t: TestApp;
let campaignId: string;
/** XA-THACHHAI's objects, by resource. */
const own: Record<'submissions' | 'findings' | 'initiatives' | 'files', string[]> = {
  submissions: [],
  findings: [],
  initiatives: [],
  files: [],
};
let outsiderFile: string;
let ownInitiativeTitle: string;
const etags = new Map<string, string>();

async function as(who: string) {
  return t.auth(who);
}

beforeAll(async () => {
  t = await createTestApp();
  campaignId = await demoCampaignId(t);
  const crit = await criteriaByCode(t, campaignId);
  const officer = await as(DEMO.unitOfficer);

  // A collective self-assessment, submitted (so it has a version), with evidence.
  const evidence = await uploadPdf(t, DEMO.unitOfficer, 'bao-cao-thach-hai.pdf');
  const started = await t.api
    .post(`/api/v1/campaigns/${campaignId}/submissions`)
    .set('authorization', officer)
    .send({});
  const answers = [...crit.values()]
    .filter((c) => c.kind !== 'derived')
    .map((c) => {
      if (c.code === '1.2.a.8')
        return { criterionId: c.id, answer: { numerator: 35, denominator: 100 }, fileIds: [evidence] };
      if (c.kind === 'ratio') return { criterionId: c.id, answer: { numerator: 1, denominator: 4 } };
      return { criterionId: c.id, answer: { value: false } };
    });
  const saved = await t.api
    .patch(`/api/v1/submissions/${started.body.id}`)
    .set('authorization', officer)
    .set('if-match', etagOf(started))
    .send({ answers });
  expect(saved.status, saved.text).toBe(200);
  const submitted = await t.api
    .post(`/api/v1/submissions/${started.body.id}/submit`)
    .set('authorization', await as(DEMO.unitHead));
  expect(submitted.status, submitted.text).toBe(200);
  own.submissions.push(started.body.id);

  // A staff member's individual draft.
  const individual = await t.api
    .post(`/api/v1/campaigns/${campaignId}/submissions`)
    .set('authorization', await as(DEMO.staff))
    .send({ target: 'individual' });
  expect(individual.status, individual.text).toBe(201);
  own.submissions.push(individual.body.id);

  // A finding with the inspection's document (an authority file) and the unit's remedy evidence.
  const minutes = await uploadPdf(t, DEMO.secretariat, 'bien-ban-kiem-tra.pdf');
  const finding = await t.api
    .post(`/api/v1/campaigns/${campaignId}/findings`)
    .set('authorization', await as(DEMO.secretariat))
    .send({
      unitId: await t.unitId('XA-THACHHAI'),
      title: 'Chưa niêm yết đủ thủ tục hành chính',
      inspectionName: 'Đoàn kiểm tra CCHC 2022',
      inspectedOn: todayInVietnam(),
      fileIds: [minutes],
    });
  expect(finding.status, finding.text).toBe(201);
  const remedyEvidence = await uploadPdf(t, DEMO.unitOfficer, 'anh-niem-yet.pdf');
  const remedied = await t.api
    .post(`/api/v1/findings/${finding.body.id}/remedy`)
    .set('authorization', officer)
    .send({ text: 'Đã niêm yết bổ sung.', fileIds: [remedyEvidence] });
  expect(remedied.status, remedied.text).toBe(200);
  own.findings.push(finding.body.id);

  // An initiative with its document.
  const doc = await uploadPdf(t, DEMO.unitOfficer, 'sang-kien.pdf');
  ownInitiativeTitle = 'Số hóa hồ sơ hộ tịch xã Thạch Hải';
  const initiative = await t.api
    .post('/api/v1/initiatives')
    .set('authorization', officer)
    .send({
      title: ownInitiativeTitle,
      summary: 'Quét 4.200 sổ hộ tịch.',
      authorPersonIds: [await personOf(t, 'XA-THACHHAI')],
      campaignId,
      fileIds: [doc],
    });
  expect(initiative.status, initiative.text).toBe(201);
  own.initiatives.push(initiative.body.id);

  // A deadline extension for the unit.
  const ext = await t.api
    .post(`/api/v1/campaigns/${campaignId}/deadline-extensions`)
    .set('authorization', await as(DEMO.secretariat))
    .send({
      unitId: await t.unitId('XA-THACHHAI'),
      until: addDays(todayInVietnam(), 200),
      reason: 'Gia hạn do thiên tai.',
    });
  expect(ext.status, ext.text).toBe(201);

  own.files.push(evidence, minutes, remedyEvidence, doc);
  outsiderFile = await uploadPdf(t, OUTSIDER, 'tu-phap.pdf');

  for (const [resource, ids] of Object.entries(own)) {
    for (const id of ids) {
      const reader =
        resource === 'submissions' && id === own.submissions[1]
          ? DEMO.staff
          : resource === 'files'
            ? DEMO.secretariat
            : DEMO.unitHead;
      const res = await t.api.get(`/api/v1/${resource}/${id}`).set('authorization', await as(reader));
      expect(res.status, `${resource} ${id}: ${res.text}`).toBe(200);
      const etag = res.headers['etag'];
      if (etag) etags.set(id, etag);
    }
  }
  // Many requests and five sign-ins (argon2): more than the default hook time on a busy machine.
}, 180_000);
afterAll(() => t.close());

/** Everything the routes could change, row by row. */
async function snapshot() {
  const db = t.database.db;
  const [audit] = await db.select({ n: count() }).from(auditEvents);
  return {
    submissions: await db.select().from(submissions).orderBy(submissions.id),
    answers: await db.select().from(submissionAnswers).orderBy(submissionAnswers.id),
    versions: await db.select().from(submissionVersions).orderBy(submissionVersions.id),
    findings: await db.select().from(findings).orderBy(findings.id),
    initiatives: await db.select().from(initiatives).orderBy(initiatives.id),
    authors: await db
      .select()
      .from(initiativeAuthors)
      .orderBy(initiativeAuthors.initiativeId, initiativeAuthors.personId),
    files: await db.select().from(files).orderBy(files.id),
    attachments: await db.select().from(fileAttachments).orderBy(fileAttachments.id),
    extensions: await db.select().from(deadlineExtensions).orderBy(deadlineExtensions.id),
    audit: audit!.n,
  };
}

/**
 * A valid request body for each route, so that the only possible refusal is about the object. A new
 * route under these resources must be added here: the test fails until it is.
 */
function bodyFor(key: string): object | undefined | 'missing' {
  const bodies: Record<string, object | undefined> = {
    'GET /api/v1/submissions/:id': undefined,
    'PATCH /api/v1/submissions/:id': { answers: [{ criterionId: 'cr_any', note: 'sửa trộm' }] },
    'POST /api/v1/submissions/:id/submit': undefined,
    'POST /api/v1/submissions/:id/return': { reason: 'Trả lại' },
    'POST /api/v1/submissions/:id/accept': {},
    'GET /api/v1/submissions/:id/review': undefined,
    'PATCH /api/v1/submissions/:id/review': { criteria: [{ criterionId: 'cr_any', verdict: 'met' }] },
    'POST /api/v1/submissions/:id/review/confirm': undefined,
    'GET /api/v1/submissions/:id/versions': undefined,
    'GET /api/v1/submissions/:id/versions/:n': undefined,
    'GET /api/v1/submissions/:id/versions/:n/diff': undefined,
    'GET /api/v1/findings/:id': undefined,
    'PATCH /api/v1/findings/:id': { title: 'Đổi tên' },
    'POST /api/v1/findings/:id/remedy': { text: 'Đã khắc phục', fileIds: [outsiderFile] },
    'POST /api/v1/findings/:id/verify': undefined,
    'POST /api/v1/findings/:id/reopen': { reason: 'Mở lại' },
    'GET /api/v1/initiatives/:id': undefined,
    'PATCH /api/v1/initiatives/:id': { title: 'Đổi tên' },
    'POST /api/v1/initiatives/:id/recognise': {
      authority: 'Hội đồng Sáng kiến',
      decisionNumber: '1/QĐ',
      decidedOn: todayInVietnam(),
    },
    'GET /api/v1/files/:id': undefined,
    'GET /api/v1/files/:id/content': undefined,
    'DELETE /api/v1/files/:id': undefined,
  };
  return key in bodies ? bodies[key] : 'missing';
}

function allows(access: Access, role: RoleName): boolean {
  return access === 'public' || access === 'authenticated' || rolesWith(access).includes(role);
}

async function call(method: string, url: string, id: string) {
  const key = `${method} ${url}`;
  const body = bodyFor(key);
  if (body === 'missing') throw new Error(`no request body for ${key}: add one to bodyFor()`);
  const path = url.replace(':id', id).replace(':n', '1');
  const m = method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete';
  let req = t.api[m](path)
    .set('authorization', await as(OUTSIDER))
    .set('accept-language', 'en');
  if (method === 'PATCH') req = req.set('if-match', etags.get(id) ?? '"v1"');
  return body === undefined ? req : req.send(body);
}

/** A problem body without what differs between any two requests. */
const comparable = (body: Record<string, unknown>) => ({ ...body, instance: undefined, requestId: undefined });

const routes = () =>
  t.app.routeAccess
    .filter((r) => SCOPED.test(r.url))
    .sort((a, b) => `${a.url} ${a.method}`.localeCompare(`${b.url} ${b.method}`));

describe("another unit's officer, with XA-THACHHAI's ids", () => {
  it('the route table has the routes this matrix must cover', () => {
    const keys = routes().map((r) => `${r.method} ${r.url}`);
    for (const k of [
      'PATCH /api/v1/submissions/:id',
      'POST /api/v1/submissions/:id/submit',
      'POST /api/v1/findings/:id/remedy',
      'PATCH /api/v1/initiatives/:id',
      'GET /api/v1/files/:id/content',
    ])
      expect(keys).toContain(k);
  });

  it('gets, on every route, what an unknown id gets (404, or 403 where the role may not call it), and nothing changes', async () => {
    const before = await snapshot();
    const wrong: string[] = [];
    let checked = 0;
    for (const route of routes()) {
      const resource = route.url.split('/')[3] as keyof typeof own;
      const expected = allows(route.access, OUTSIDER_ROLE)
        ? { status: 404, code: 'not_found' }
        : { status: 403, code: refusalOf(route.access as Permission) };
      const unknown = await call(route.method, route.url, MISSING_ID);
      if (unknown.status !== expected.status || unknown.body.code !== expected.code)
        wrong.push(`${route.method} ${route.url} with an unknown id: ${unknown.status} ${unknown.body.code}`);
      for (const id of own[resource]) {
        const res = await call(route.method, route.url, id);
        checked++;
        if (res.status !== unknown.status || res.body.code !== unknown.body.code)
          wrong.push(
            `${route.method} ${route.url} ${id}: ${res.status} ${res.body.code} (unknown id: ${unknown.status} ${unknown.body.code})`,
          );
        // Word for word the same problem, but for the echoed path and the request id.
        else if (JSON.stringify(comparable(res.body)) !== JSON.stringify(comparable(unknown.body)))
          wrong.push(`${route.method} ${route.url} ${id}: the problem differs from an unknown id's`);
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(20);
    expect(await snapshot()).toEqual(before);
  });

  it("finds none of XA-THACHHAI's self-assessments, findings, initiatives or extensions in lists, counts or search", async () => {
    const auth = await as(OUTSIDER);
    const unitId = await t.unitId('XA-THACHHAI');
    const ownIds = Object.values(own).flat();
    const lists = [
      `/api/v1/campaigns/${campaignId}/submissions`,
      `/api/v1/campaigns/${campaignId}/submissions?q=thach%20hai`,
      `/api/v1/campaigns/${campaignId}/submissions?unitId=${unitId}`,
      `/api/v1/campaigns/${campaignId}/submissions?status=submitted`,
      `/api/v1/campaigns/${campaignId}/findings`,
      `/api/v1/campaigns/${campaignId}/findings?q=niem%20yet`,
      `/api/v1/campaigns/${campaignId}/findings?unitId=${unitId}`,
      `/api/v1/initiatives`,
      `/api/v1/initiatives?q=ho%20tich`,
      `/api/v1/initiatives?unitId=${unitId}&campaignId=${campaignId}`,
    ];
    for (const url of lists) {
      const res = await t.api.get(url).set('authorization', auth);
      expect(res.status, url).toBe(200);
      expect(res.body.total, url).toBe(0);
      expect(res.body.items, url).toEqual([]);
      if (res.body.stats)
        expect(res.body.stats, url).toMatchObject({
          total: 0,
          open: 0,
          remedied: 0,
          verified: 0,
          remediedPercent: null,
        });
      if ('recognisedCount' in res.body) expect(res.body.recognisedCount).toBe(0);
      for (const id of ownIds) expect(JSON.stringify(res.body), url).not.toContain(id);
    }
    const rates = await t.api.get(`/api/v1/campaigns/${campaignId}/findings/remedy-rates`).set('authorization', auth);
    expect(rates.body.items).toEqual([]);
    const extensions = await t.api
      .get(`/api/v1/campaigns/${campaignId}/deadline-extensions`)
      .set('authorization', auth);
    expect(extensions.body.items).toEqual([]);
  });

  it('sees them as their own unit does (control: the ids and searches above are real)', async () => {
    const auth = await as(DEMO.unitHead);
    const subs = await t.api
      .get(`/api/v1/campaigns/${campaignId}/submissions?q=thach%20hai`)
      .set('authorization', auth);
    expect(subs.body.items.map((s: { id: string }) => s.id)).toContain(own.submissions[0]);
    const found = await t.api.get(`/api/v1/campaigns/${campaignId}/findings?q=niem%20yet`).set('authorization', auth);
    expect(found.body.total).toBe(1);
    const inits = await t.api.get('/api/v1/initiatives?q=ho%20tich').set('authorization', auth);
    expect(inits.body.items[0].title).toBe(ownInitiativeTitle);
    const ext = await t.api.get(`/api/v1/campaigns/${campaignId}/deadline-extensions`).set('authorization', auth);
    expect(ext.body.items).toHaveLength(1);
    for (const id of own.files)
      expect((await t.api.get(`/api/v1/files/${id}/content`).set('authorization', auth)).status, id).toBe(200);
  });

  it('cannot start, record or attach anything for XA-THACHHAI, nor attach its files to its own records', async () => {
    const auth = await as(OUTSIDER);
    const unitId = await t.unitId('XA-THACHHAI');
    const before = await snapshot();
    const start = await t.api
      .post(`/api/v1/campaigns/${campaignId}/submissions`)
      .set('authorization', auth)
      .send({ unitId });
    expect(start.status).toBe(403);
    const initiative = await t.api
      .post('/api/v1/initiatives')
      .set('authorization', auth)
      .send({ unitId, title: 'X', authorPersonIds: [await personOf(t, 'XA-THACHHAI')] });
    expect(initiative.status).toBe(403);
    const steal = await t.api
      .post('/api/v1/initiatives')
      .set('authorization', auth)
      .send({ title: 'Sáng kiến Tư pháp', authorPersonIds: [await personOf(t, 'TP')], fileIds: [own.files[0]] });
    expect(steal.status).toBe(400);
    expect(steal.body.code).toBe('file.not_attachable');
    expect(await snapshot()).toEqual(before);
  });
});
