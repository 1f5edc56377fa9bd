/**
 * Recipes of the real access matrix (access-matrix-real.test.ts): for each route, the data a
 * legitimate call needs, built fresh through the public API (tokens minted per request), and the
 * request itself with a valid body and real ids. `as` is the role the data is chosen for: the
 * caller when it holds the route's access (so the target is inside its scope), else a role that
 * holds it (a refused call is then refused for its role alone, not for its data).
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { rolesWith, type RoleName } from '@thidua/contract';
import {
  calendarFeeds,
  campaigns,
  campaignTemplates,
  criteria,
  criterionReviews,
  deadlineExtensions,
  enrollments,
  files,
  findings,
  initiatives,
  jobs,
  people,
  submissions,
  units,
  users,
} from '../../src/db/schema/index.ts';
import { addDays, todayInVietnam } from '../../src/modules/campaigns/dates.ts';
import type { InjectResponse } from '../inject-client.ts';
import { pdf } from '../files/fixtures.ts';
import { ACCOUNT_PASSWORD, ADMIN_PASSWORD, DEMO, DEMO_PASSWORD, type TestApp } from '../helpers.ts';
import { demoCampaignId } from '../submissions/support.ts';
import { mintAccessToken, ROLE_ACCOUNTS } from './support.ts';
import { receptionRecipes } from './recipes/reception.ts';
import { dossiersRecipes } from './recipes/dossiers.ts';
import { awardTypesRecipes } from './recipes/award-types.ts';
import { awardsRecipes } from './recipes/awards.ts';
import { decisionsRecipes } from './recipes/decisions.ts';
import { councilsRecipes } from './recipes/councils.ts';
import { dossierTransferRecipes } from './recipes/dossier-transfer.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Call {
  method: Method;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** A multipart body: fields first, then the one file part. */
  multipart?: { fields?: Record<string, string>; file: { field: string; content: Buffer; name: string; type: string } };
  /** The account that calls when the role holds the access (its own account, for calls that end sessions). */
  account?: string;
  /** For creates: the table whose row count must not change when the call is refused. */
  table?: PgTable;
}

export type Recipe = (as: RoleName) => Promise<Omit<Call, 'method' | 'url'> & { url: string }>;

const XA = 'XA-THACHHAI';
let seq = 0;
/** A token unique to this run, for codes, names and e-mail addresses. */
const unique = (prefix: string) => `${prefix}-${++seq}-${randomBytes(3).toString('hex')}`;
const today = () => todayInVietnam();
const csv = (lines: string[]) => Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');

/** A campaign made for a recipe: its id and ETag, and its one collective and one individual criterion. */
export interface RecipeCampaign {
  id: string;
  etag: string;
  collective: string;
  individual: string;
}

/** What an area's recipe file (./recipes/*.ts) gets to build its data through the API. */
export interface RecipeKit {
  t: TestApp;
  ok: (
    status: number,
    method: Method,
    url: string,
    email: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => Promise<InjectResponse>;
  send: (
    method: Method,
    url: string,
    email: string | null,
    body?: unknown,
    headers?: Record<string, string>,
  ) => Promise<InjectResponse>;
  unique: (prefix: string) => string;
  today: () => string;
  /** XA-THACHHAI, the demo commune every unit role of the matrix is held in. */
  xa: string;
  /** UBND-TH, the demo authority. */
  root: string;
  SEC: string;
  ADMIN: string;
  accountOf: (role: RoleName) => string;
  /** A fresh account holding only `role` (unit roles at XA-THACHHAI). */
  account: (role: RoleName) => Promise<string>;
  campaign: (state: 'draft' | 'open' | 'closed' | 'finalized', enrol?: boolean) => Promise<RecipeCampaign>;
  submission: (
    c: RecipeCampaign,
    who: 'unit' | 'person',
    state: 'draft' | 'answered' | 'submitted' | 'resubmitted',
  ) => Promise<{ id: string }>;
  reviewed: (id: string, email?: string) => Promise<string>;
  initiative: () => Promise<{ id: string }>;
  person: () => Promise<{ id: string }>;
  upload: (email: string, unitId?: string) => Promise<string>;
  uploadOf: (as: RoleName) => Promise<string>;
}

export type AreaRecipes = (kit: RecipeKit) => Promise<Record<string, Recipe>>;

/** The areas whose recipes live in their own files (one line per area). */
const AREA_RECIPES: AreaRecipes[] = [
  awardTypesRecipes,
  awardsRecipes,
  receptionRecipes,
  dossiersRecipes,
  decisionsRecipes,
  councilsRecipes,
  dossierTransferRecipes,
];

export async function makeRecipes(t: TestApp) {
  // ── a small client: every request with a freshly minted token of the account ──
  async function send(
    method: Method,
    url: string,
    email: string | null,
    body?: unknown,
    headers?: Record<string, string>,
  ) {
    const m = method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    const req = t.api[m](url).set('accept-language', 'en');
    if (email) req.set('authorization', await mintAccessToken(t, email));
    for (const [k, v] of Object.entries(headers ?? {})) req.set(k, v);
    if (body !== undefined) req.send(body as object);
    return req;
  }
  async function ok(
    status: number,
    method: Method,
    url: string,
    email: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) {
    const res = await send(method, url, email, body, headers);
    if (res.status !== status) throw new Error(`setup ${method} ${url} as ${email}: ${res.status} ${res.text}`);
    return res;
  }
  const SEC = DEMO.secretariat;
  const ADMIN = DEMO.admin;
  const accountOf = (role: RoleName) => ROLE_ACCOUNTS[role];

  const xa = await t.unitId(XA);
  const root = await t.unitId('UBND-TH');
  const [staffUser] = await t.database.db
    .select({ personId: users.personId })
    .from(users)
    .where(eq(users.email, DEMO.staff));
  const staffPerson = staffUser!.personId!;
  const leaderId = await t.userId(DEMO.leader);
  const demo = await demoCampaignId(t);
  const levels = (await ok(200, 'GET', '/api/v1/units/level-names', ADMIN)).body.levels as string[];

  async function upload(email: string, unitId?: string): Promise<string> {
    let req = t.api.post('/api/v1/files').set('authorization', await mintAccessToken(t, email));
    if (unitId) req = req.field('unitId', unitId);
    const res = await req.attach('file', pdf(), { filename: 'minh-chung.pdf', contentType: 'application/pdf' });
    if (res.status !== 201) throw new Error(`upload as ${email}: ${res.status} ${res.text}`);
    return res.body.id as string;
  }
  /**
   * Who uploads for a role: the unit roles and staff for themselves, the others on behalf of
   * XA-THACHHAI when they may upload into a unit's space ('file.upload_unit'), else the authority's own.
   */
  const uploadFieldsFor = (role: RoleName) =>
    ['unit_officer', 'unit_head', 'staff'].includes(role) || !rolesWith('file.upload_unit').includes(role)
      ? undefined
      : { unitId: xa };

  async function account(role: RoleName): Promise<string> {
    const email = `${unique(role.replace('_', ''))}@thachha.gov.vn`;
    const grant = ['unit_officer', 'unit_head', 'staff'].includes(role) ? { role, unitId: xa } : { role };
    await ok(201, 'POST', '/api/v1/users', ADMIN, {
      email,
      fullName: `Tài khoản ${role}`,
      password: ACCOUNT_PASSWORD,
      mustChangePassword: false,
      roles: [grant],
    });
    return email;
  }

  type Made = RecipeCampaign;
  /** A campaign of Thạch Hà for communes and their staff, with one collective and one individual criterion. */
  async function campaign(state: 'draft' | 'open' | 'closed' | 'finalized', enrol = false): Promise<Made> {
    const c = await ok(201, 'POST', '/api/v1/campaigns', SEC, {
      number: '/KH-UBND',
      title: `Thi đua ${unique('kh')}`,
      startsOn: addDays(today(), -7),
      endsOn: addDays(today(), 60),
      participants: { kinds: ['commune'], unitIds: [], individualsTakePart: true },
    });
    const id = c.body.id as string;
    const coll = await ok(201, 'POST', `/api/v1/campaigns/${id}/criteria`, SEC, {
      code: '1.1',
      target: 'collective',
      group: 'specific',
      title: 'Tỷ lệ hồ sơ trực tuyến',
      kind: 'ratio',
      comparator: 'gt',
      threshold: 30,
    });
    const ind = await ok(201, 'POST', `/api/v1/campaigns/${id}/criteria`, SEC, {
      code: 'CN.1',
      target: 'individual',
      group: 'general',
      title: 'Hoàn thành nhiệm vụ',
      kind: 'boolean',
    });
    let etag = c.headers.etag!;
    const moves = { draft: [], open: ['open'], closed: ['open', 'close'], finalized: ['open', 'close', 'finalize'] }[
      state
    ];
    for (const a of moves) etag = (await ok(200, 'POST', `/api/v1/campaigns/${id}/${a}`, SEC)).headers.etag!;
    if (enrol)
      await ok(201, 'POST', `/api/v1/campaigns/${id}/enrollments`, SEC, {
        unitId: xa,
        commitment: 'Cam kết thực hiện.',
      });
    if (!moves.length) etag = (await ok(200, 'GET', `/api/v1/campaigns/${id}`, SEC)).headers.etag!;
    return { id, etag, collective: coll.body.id, individual: ind.body.id };
  }

  /** XA-THACHHAI's self-assessment (or the staff member's own), answered, in a state. */
  async function submission(
    c: Made,
    who: 'unit' | 'person',
    state: 'draft' | 'answered' | 'submitted' | 'resubmitted',
  ) {
    const writer = who === 'unit' ? DEMO.unitOfficer : DEMO.staff;
    const submitter = who === 'unit' ? DEMO.unitHead : DEMO.staff;
    const s = await ok(
      201,
      'POST',
      `/api/v1/campaigns/${c.id}/submissions`,
      writer,
      who === 'unit' ? {} : { target: 'individual' },
    );
    const id = s.body.id as string;
    let etag = s.headers.etag!;
    if (state === 'draft') return { id, etag };
    const answers =
      who === 'unit'
        ? [{ criterionId: c.collective, answer: { numerator: 5, denominator: 10 } }]
        : [{ criterionId: c.individual, answer: { value: true } }];
    etag = (await ok(200, 'PATCH', `/api/v1/submissions/${id}`, writer, { answers }, { 'if-match': etag })).headers
      .etag!;
    if (state === 'answered') return { id, etag };
    await ok(200, 'POST', `/api/v1/submissions/${id}/submit`, submitter);
    if (state === 'resubmitted') {
      await ok(200, 'POST', `/api/v1/submissions/${id}/return`, SEC, { reason: 'Bổ sung số liệu.' });
      await ok(200, 'POST', `/api/v1/submissions/${id}/submit`, submitter);
    }
    return { id, etag };
  }

  /** Every criterion of a submitted self-assessment reviewed by `email` (accept needs it); the submission's new ETag. */
  async function reviewed(id: string, email: string = SEC): Promise<string> {
    const read = await ok(200, 'GET', `/api/v1/submissions/${id}/review`, email);
    const criteria = (read.body.criteria as { criterionId: string }[]).map((c) => ({
      criterionId: c.criterionId,
      verdict: 'met',
    }));
    const res = await ok(
      200,
      'PATCH',
      `/api/v1/submissions/${id}/review`,
      email,
      { criteria },
      {
        'if-match': read.headers.etag!,
      },
    );
    return res.headers.etag!;
  }

  async function finding(campaignId: string, state: 'open' | 'remedied') {
    const f = await ok(201, 'POST', `/api/v1/campaigns/${campaignId}/findings`, SEC, {
      unitId: xa,
      title: `Chưa niêm yết thủ tục ${unique('f')}`,
      inspectionName: 'Đoàn kiểm tra CCHC',
      inspectedOn: today(),
      dueOn: addDays(today(), 14),
    });
    if (state === 'remedied')
      await ok(200, 'POST', `/api/v1/findings/${f.body.id}/remedy`, DEMO.unitOfficer, {
        text: 'Đã niêm yết.',
        fileIds: [await upload(DEMO.unitOfficer)],
      });
    return { id: f.body.id as string, etag: f.headers.etag! };
  }

  async function initiative() {
    const i = await ok(201, 'POST', '/api/v1/initiatives', SEC, {
      unitId: xa,
      title: `Sáng kiến ${unique('sk')}`,
      authorPersonIds: [staffPerson],
    });
    return { id: i.body.id as string, etag: i.headers.etag! };
  }

  async function unit() {
    const code = unique('AM').toUpperCase();
    const u = await ok(201, 'POST', '/api/v1/units', ADMIN, {
      parentId: root,
      code,
      name: `Tổ ${code}`,
      kind: 'other',
    });
    return { id: u.body.id as string, etag: u.headers.etag! };
  }
  async function person() {
    const p = await ok(201, 'POST', '/api/v1/people', ADMIN, { unitId: xa, fullName: `Người ${unique('p')}` });
    return { id: p.body.id as string, etag: p.headers.etag! };
  }
  async function user() {
    const u = await ok(201, 'POST', '/api/v1/users', ADMIN, {
      email: `${unique('u')}@thachha.gov.vn`,
      fullName: 'Tài khoản thử',
      password: ACCOUNT_PASSWORD,
      roles: [{ role: 'observer' }],
    });
    return { id: u.body.id as string, etag: u.headers.etag! };
  }
  async function template() {
    const doc = (await ok(200, 'GET', `/api/v1/campaigns/${demo}/export`, SEC)).body;
    return { ...doc, name: `Mẫu ${unique('m')}` };
  }

  // ── shared records for the reads (reads change nothing) ──
  const shared = await campaign('open', true);
  const s1 = await submission(shared, 'unit', 'resubmitted');
  const s2 = await submission(shared, 'person', 'resubmitted');
  const f0 = await finding(shared.id, 'open');
  const i0 = await initiative();
  const enrolment = (
    await ok(200, 'GET', `/api/v1/campaigns/${shared.id}/enrollments?status=enrolled`, SEC)
  ).body.items.find((p: { unitId: string }) => p.unitId === xa).enrollment.id as string;
  const ownSubmission = (as: RoleName) => (as === 'staff' ? s2 : s1).id;
  const loginPassword = (email: string) => (email === ADMIN ? ADMIN_PASSWORD : DEMO_PASSWORD);
  const multipartCsv = (lines: string[], name: string) => ({
    file: { field: 'file', content: csv(lines), name, type: 'text/csv' },
  });

  /** A finalized campaign, made on first use (the public scoreboard's). */
  let finalized: Promise<Made> | undefined;
  /** A notification under the bell of an account (the reminders module writes them; here directly). */
  async function notificationFor(email: string): Promise<string> {
    const { notifications } = await import('../../src/db/schema/index.ts');
    const id = `nt_${unique('recipe')}`;
    await t.database.db
      .insert(notifications)
      .values({ id, userId: await t.userId(email), kind: 'reminder', title: 'Đôn đốc', body: 'Nội dung.' });
    return id;
  }
  const recipes: Record<string, Recipe> = {
    'GET /api/v1/openapi.json': async () => ({ url: '/api/v1/openapi.json' }),
    // ── auth ──
    'POST /api/v1/auth/login': async (as) => ({
      url: '/api/v1/auth/login',
      body: { email: accountOf(as), password: loginPassword(accountOf(as)) },
    }),
    'POST /api/v1/auth/refresh': async (as) => {
      const email = accountOf(as);
      const res = await ok(200, 'POST', '/api/v1/auth/login', email, { email, password: loginPassword(email) });
      const cookie = String([res.headers['set-cookie']].flat()[0]).split(';')[0]!;
      return { url: '/api/v1/auth/refresh', headers: { cookie } };
    },
    'POST /api/v1/auth/logout': async (as) => ({ url: '/api/v1/auth/logout', account: await account(as) }),
    'GET /api/v1/me': async () => ({ url: '/api/v1/me' }),
    'POST /api/v1/me/password': async (as) => ({
      url: '/api/v1/me/password',
      account: await account(as),
      body: { currentPassword: ACCOUNT_PASSWORD, newPassword: `Hoa-ban-${unique('mk')}-no-trang-rung` },
    }),
    // ── users ──
    'GET /api/v1/users': async () => ({ url: '/api/v1/users' }),
    'GET /api/v1/users/:id': async () => ({ url: `/api/v1/users/${leaderId}` }),
    'POST /api/v1/users': async () => ({
      url: '/api/v1/users',
      table: users,
      body: {
        email: `${unique('moi')}@thachha.gov.vn`,
        fullName: 'Tài khoản mới',
        password: ACCOUNT_PASSWORD,
        roles: [{ role: 'observer' }],
      },
    }),
    'PATCH /api/v1/users/:id': async () => {
      const u = await user();
      return { url: `/api/v1/users/${u.id}`, headers: { 'if-match': u.etag }, body: { fullName: 'Tên mới' } };
    },
    // ── units ──
    'GET /api/v1/units': async () => ({ url: '/api/v1/units' }),
    'GET /api/v1/units/tree': async () => ({ url: '/api/v1/units/tree' }),
    'GET /api/v1/units/level-names': async () => ({ url: '/api/v1/units/level-names' }),
    'PUT /api/v1/units/level-names': async () => ({ url: '/api/v1/units/level-names', body: { levels } }),
    'GET /api/v1/units/:id': async () => ({ url: `/api/v1/units/${xa}` }),
    'POST /api/v1/units': async () => {
      const code = unique('AM').toUpperCase();
      return { url: '/api/v1/units', table: units, body: { parentId: root, code, name: `Tổ ${code}`, kind: 'other' } };
    },
    'PATCH /api/v1/units/:id': async () => {
      const u = await unit();
      return { url: `/api/v1/units/${u.id}`, headers: { 'if-match': u.etag }, body: { name: 'Tổ đổi tên' } };
    },
    'DELETE /api/v1/units/:id': async () => ({ url: `/api/v1/units/${(await unit()).id}` }),
    'POST /api/v1/units/import': async () => {
      const code = unique('NH').toUpperCase();
      return {
        url: '/api/v1/units/import',
        table: units,
        multipart: multipartCsv(
          ['Mã đơn vị,Tên đơn vị,Loại,Mã đơn vị cấp trên', `${code},Tổ ${code},other,UBND-TH`],
          'don-vi.csv',
        ),
      };
    },
    'GET /api/v1/units/import/template.xlsx': async () => ({ url: '/api/v1/units/import/template.xlsx' }),
    // ── people ──
    'GET /api/v1/people': async () => ({ url: '/api/v1/people' }),
    'GET /api/v1/people/:id': async () => ({ url: `/api/v1/people/${staffPerson}` }),
    'POST /api/v1/people': async () => ({
      url: '/api/v1/people',
      table: people,
      body: { unitId: xa, fullName: `Người ${unique('p')}` },
    }),
    'PATCH /api/v1/people/:id': async () => {
      const p = await person();
      return { url: `/api/v1/people/${p.id}`, headers: { 'if-match': p.etag }, body: { position: 'Công chức' } };
    },
    'DELETE /api/v1/people/:id': async () => ({ url: `/api/v1/people/${(await person()).id}` }),
    'POST /api/v1/people/import': async () => ({
      url: '/api/v1/people/import',
      table: people,
      multipart: multipartCsv(['Họ và tên,Mã đơn vị', `Người ${unique('nh')},${XA}`], 'can-bo.csv'),
    }),
    'GET /api/v1/people/import/template.xlsx': async () => ({ url: '/api/v1/people/import/template.xlsx' }),
    // ── audit ──
    'GET /api/v1/audit-events': async () => ({ url: '/api/v1/audit-events' }),
    'GET /api/v1/audit-events/verify': async () => ({ url: '/api/v1/audit-events/verify' }),
    // ── files ──
    'POST /api/v1/files': async (as) => ({
      url: '/api/v1/files',
      table: files,
      multipart: {
        fields: uploadFieldsFor(as),
        file: { field: 'file', content: pdf(), name: 'minh-chung.pdf', type: 'application/pdf' },
      },
    }),
    'GET /api/v1/files/:id': async (as) => ({ url: `/api/v1/files/${await uploadOf(as)}` }),
    'GET /api/v1/files/:id/content': async (as) => ({ url: `/api/v1/files/${await uploadOf(as)}/content` }),
    'DELETE /api/v1/files/:id': async (as) => ({ url: `/api/v1/files/${await uploadOf(as)}` }),
    // ── campaigns ──
    'GET /api/v1/campaigns': async () => ({ url: '/api/v1/campaigns' }),
    'POST /api/v1/campaigns': async () => ({
      url: '/api/v1/campaigns',
      table: campaigns,
      body: {
        number: '/KH-UBND',
        title: 'Thi đua chuyển đổi số',
        authorityUnitId: root,
        startsOn: addDays(today(), -7),
        endsOn: addDays(today(), 60),
        participants: { kinds: ['commune'], unitIds: [], individualsTakePart: false },
      },
    }),
    'GET /api/v1/campaigns/:id': async () => ({ url: `/api/v1/campaigns/${demo}` }),
    'PATCH /api/v1/campaigns/:id': async () => {
      const c = await campaign('draft');
      return { url: `/api/v1/campaigns/${c.id}`, headers: { 'if-match': c.etag }, body: { title: 'Tên kế hoạch mới' } };
    },
    'DELETE /api/v1/campaigns/:id': async () => ({ url: `/api/v1/campaigns/${(await campaign('draft')).id}` }),
    'POST /api/v1/campaigns/:id/open': async () => ({ url: `/api/v1/campaigns/${(await campaign('draft')).id}/open` }),
    'POST /api/v1/campaigns/:id/close': async () => ({ url: `/api/v1/campaigns/${(await campaign('open')).id}/close` }),
    'POST /api/v1/campaigns/:id/open-self-assessment-early': async () => {
      // Launched ahead of its first day: the one state the call applies to.
      const c = await ok(201, 'POST', '/api/v1/campaigns', SEC, {
        number: '/KH-UBND',
        title: `Thi đua ${unique('sap')}`,
        startsOn: addDays(today(), 10),
        endsOn: addDays(today(), 60),
        participants: { kinds: ['commune'], unitIds: [], individualsTakePart: false },
      });
      await ok(201, 'POST', `/api/v1/campaigns/${c.body.id}/criteria`, SEC, {
        code: '1.1',
        target: 'collective',
        group: 'specific',
        title: 'Ban hành kế hoạch',
        kind: 'boolean',
      });
      await ok(200, 'POST', `/api/v1/campaigns/${c.body.id}/open`, SEC);
      return { url: `/api/v1/campaigns/${c.body.id}/open-self-assessment-early` };
    },
    'POST /api/v1/campaigns/:id/reopen': async () => ({
      url: `/api/v1/campaigns/${(await campaign('closed')).id}/reopen`,
    }),
    'POST /api/v1/campaigns/:id/finalize': async () => ({
      url: `/api/v1/campaigns/${(await campaign('closed')).id}/finalize`,
    }),
    'POST /api/v1/campaigns/:id/archive': async () => ({
      url: `/api/v1/campaigns/${(await campaign('finalized')).id}/archive`,
    }),
    'POST /api/v1/campaigns/:id/clone': async () => ({
      url: `/api/v1/campaigns/${shared.id}/clone`,
      table: campaigns,
      body: { shiftDays: 365 },
    }),
    'GET /api/v1/campaigns/:id/export': async () => ({ url: `/api/v1/campaigns/${demo}/export` }),
    'GET /api/v1/campaigns/:id/plan.docx': async () => ({ url: `/api/v1/campaigns/${demo}/plan.docx` }),
    // ── criteria ──
    'GET /api/v1/campaigns/:id/criteria': async () => ({ url: `/api/v1/campaigns/${shared.id}/criteria` }),
    'GET /api/v1/campaigns/:id/criteria/:criterionId': async () => ({
      url: `/api/v1/campaigns/${shared.id}/criteria/${shared.collective}`,
    }),
    'POST /api/v1/campaigns/:id/criteria': async () => ({
      url: `/api/v1/campaigns/${(await campaign('draft')).id}/criteria`,
      table: criteria,
      body: { code: '2.1', target: 'collective', group: 'general', title: 'Ban hành kế hoạch', kind: 'boolean' },
    }),
    'PUT /api/v1/campaigns/:id/criteria/order': async () => {
      const c = await campaign('draft');
      return { url: `/api/v1/campaigns/${c.id}/criteria/order`, body: { ids: [c.individual, c.collective] } };
    },
    'PATCH /api/v1/campaigns/:id/criteria/:criterionId': async () => {
      const c = await campaign('draft');
      const read = await ok(200, 'GET', `/api/v1/campaigns/${c.id}/criteria/${c.collective}`, SEC);
      return {
        url: `/api/v1/campaigns/${c.id}/criteria/${c.collective}`,
        headers: { 'if-match': read.headers.etag! },
        body: { guidance: 'Đính kèm báo cáo thống kê.' },
      };
    },
    'DELETE /api/v1/campaigns/:id/criteria/:criterionId': async () => {
      const c = await campaign('draft');
      return { url: `/api/v1/campaigns/${c.id}/criteria/${c.collective}` };
    },
    // ── enrolments ──
    'GET /api/v1/campaigns/:id/enrollments': async () => ({ url: `/api/v1/campaigns/${shared.id}/enrollments` }),
    'GET /api/v1/campaigns/:id/enrollments/:enrollmentId': async () => ({
      url: `/api/v1/campaigns/${shared.id}/enrollments/${enrolment}`,
    }),
    'POST /api/v1/campaigns/:id/enrollments': async () => ({
      url: `/api/v1/campaigns/${(await campaign('open')).id}/enrollments`,
      table: enrollments,
      body: { unitId: xa, commitment: 'Cam kết hoàn thành các tiêu chí.' },
    }),
    'PATCH /api/v1/campaigns/:id/enrollments/:enrollmentId': async () => {
      const c = await campaign('open');
      const e = await ok(201, 'POST', `/api/v1/campaigns/${c.id}/enrollments`, SEC, {
        unitId: xa,
        commitment: 'Cam kết.',
      });
      return {
        url: `/api/v1/campaigns/${c.id}/enrollments/${e.body.id}`,
        headers: { 'if-match': e.headers.etag! },
        body: { commitment: 'Cam kết hoàn thành 100% tiêu chí.' },
      };
    },
    // ── public ──
    'GET /api/v1/public/campaigns': async () => ({ url: '/api/v1/public/campaigns' }),
    'GET /api/v1/public/campaigns/:id': async () => ({ url: `/api/v1/public/campaigns/${demo}` }),
    'GET /api/v1/public/campaigns/:id/plan.docx': async () => ({ url: `/api/v1/public/campaigns/${demo}/plan.docx` }),
    // ── templates ──
    'GET /api/v1/campaign-templates': async () => ({ url: '/api/v1/campaign-templates' }),
    'GET /api/v1/campaign-templates/:id': async () => ({ url: '/api/v1/campaign-templates/bundled-cchc-2022' }),
    'POST /api/v1/campaign-templates': async () => ({
      url: '/api/v1/campaign-templates',
      table: campaignTemplates,
      body: await template(),
    }),
    'DELETE /api/v1/campaign-templates/:id': async () => {
      const rec = await ok(201, 'POST', '/api/v1/campaign-templates', SEC, await template());
      return { url: `/api/v1/campaign-templates/${rec.body.id}` };
    },
    // ── submissions ──
    'GET /api/v1/campaigns/:id/submissions': async () => ({ url: `/api/v1/campaigns/${shared.id}/submissions` }),
    'POST /api/v1/campaigns/:id/submissions': async (as) => ({
      url: `/api/v1/campaigns/${(await campaign('open', true)).id}/submissions`,
      table: submissions,
      body: as === 'staff' ? { target: 'individual' } : {},
    }),
    'GET /api/v1/submissions/:id': async (as) => ({ url: `/api/v1/submissions/${ownSubmission(as)}` }),
    'PATCH /api/v1/submissions/:id': async (as) => {
      const c = await campaign('open', true);
      const who = as === 'staff' ? 'person' : 'unit';
      const s = await submission(c, who, 'draft');
      const answers =
        who === 'unit'
          ? [{ criterionId: c.collective, answer: { numerator: 7, denominator: 10 } }]
          : [{ criterionId: c.individual, answer: { value: true } }];
      return { url: `/api/v1/submissions/${s.id}`, headers: { 'if-match': s.etag }, body: { answers } };
    },
    'POST /api/v1/submissions/:id/submit': async (as) => {
      const s = await submission(await campaign('open', true), as === 'staff' ? 'person' : 'unit', 'answered');
      return { url: `/api/v1/submissions/${s.id}/submit` };
    },
    'POST /api/v1/submissions/:id/return': async () => {
      const s = await submission(await campaign('open', true), 'unit', 'submitted');
      return { url: `/api/v1/submissions/${s.id}/return`, body: { reason: 'Số liệu chưa khớp.' } };
    },
    'POST /api/v1/submissions/:id/accept': async () => {
      const s = await submission(await campaign('open', true), 'unit', 'submitted');
      await reviewed(s.id);
      return { url: `/api/v1/submissions/${s.id}/accept`, body: { comment: 'Đầy đủ.' } };
    },
    'GET /api/v1/submissions/:id/versions': async (as) => ({
      url: `/api/v1/submissions/${ownSubmission(as)}/versions`,
    }),
    'GET /api/v1/submissions/:id/versions/:n': async (as) => ({
      url: `/api/v1/submissions/${ownSubmission(as)}/versions/2`,
    }),
    'GET /api/v1/submissions/:id/versions/:n/diff': async (as) => ({
      url: `/api/v1/submissions/${ownSubmission(as)}/versions/2/diff`,
    }),
    'GET /api/v1/campaigns/:id/deadline-extensions': async () => ({
      url: `/api/v1/campaigns/${shared.id}/deadline-extensions`,
    }),
    'POST /api/v1/campaigns/:id/deadline-extensions': async () => ({
      url: `/api/v1/campaigns/${(await campaign('open', true)).id}/deadline-extensions`,
      table: deadlineExtensions,
      body: { unitId: xa, until: addDays(today(), 70), reason: 'Ảnh hưởng của bão.' },
    }),
    // ── findings ──
    'GET /api/v1/campaigns/:id/findings': async () => ({ url: `/api/v1/campaigns/${shared.id}/findings` }),
    'GET /api/v1/campaigns/:id/findings/remedy-rates': async () => ({
      url: `/api/v1/campaigns/${shared.id}/findings/remedy-rates`,
    }),
    'POST /api/v1/campaigns/:id/findings': async () => ({
      url: `/api/v1/campaigns/${shared.id}/findings`,
      table: findings,
      body: { unitId: xa, title: 'Chưa công khai thủ tục', inspectionName: 'Đoàn kiểm tra CCHC', inspectedOn: today() },
    }),
    'GET /api/v1/findings/:id': async () => ({ url: `/api/v1/findings/${f0.id}` }),
    'PATCH /api/v1/findings/:id': async () => {
      const f = await finding(shared.id, 'open');
      return {
        url: `/api/v1/findings/${f.id}`,
        headers: { 'if-match': f.etag },
        body: { dueOn: addDays(today(), 30) },
      };
    },
    'POST /api/v1/findings/:id/remedy': async (as) => {
      const f = await finding(shared.id, 'open');
      return {
        url: `/api/v1/findings/${f.id}/remedy`,
        body: { text: 'Đã khắc phục.', fileIds: [await upload(accountOf(as), uploadFieldsFor(as)?.unitId)] },
      };
    },
    'POST /api/v1/findings/:id/verify': async () => ({
      url: `/api/v1/findings/${(await finding(shared.id, 'remedied')).id}/verify`,
    }),
    'POST /api/v1/findings/:id/reopen': async () => ({
      url: `/api/v1/findings/${(await finding(shared.id, 'remedied')).id}/reopen`,
      body: { reason: 'Ảnh chưa đủ.' },
    }),
    // ── initiatives ──
    'GET /api/v1/initiatives': async () => ({ url: '/api/v1/initiatives' }),
    'GET /api/v1/initiatives/:id': async () => ({ url: `/api/v1/initiatives/${i0.id}` }),
    'POST /api/v1/initiatives': async () => ({
      url: '/api/v1/initiatives',
      table: initiatives,
      body: { unitId: xa, title: `Sáng kiến ${unique('sk')}`, authorPersonIds: [staffPerson] },
    }),
    'PATCH /api/v1/initiatives/:id': async () => {
      const i = await initiative();
      return {
        url: `/api/v1/initiatives/${i.id}`,
        headers: { 'if-match': i.etag },
        body: { summary: 'Bổ sung số liệu.' },
      };
    },
    'POST /api/v1/initiatives/:id/recognise': async () => ({
      url: `/api/v1/initiatives/${(await initiative()).id}/recognise`,
      body: { authority: 'Hội đồng Sáng kiến huyện', decisionNumber: '15/QĐ-UBND', decidedOn: today() },
    }),
    // ── review per criterion ──
    'GET /api/v1/submissions/:id/review': async (as) => ({ url: `/api/v1/submissions/${ownSubmission(as)}/review` }),
    'PATCH /api/v1/submissions/:id/review': async () => {
      const c = await campaign('open', true);
      const s = await submission(c, 'unit', 'submitted');
      const read = await ok(200, 'GET', `/api/v1/submissions/${s.id}/review`, SEC);
      return {
        url: `/api/v1/submissions/${s.id}/review`,
        table: criterionReviews,
        headers: { 'if-match': read.headers.etag! },
        body: { criteria: [{ criterionId: c.collective, verdict: 'met', score: 8, comment: 'Số liệu khớp.' }] },
      };
    },
    'POST /api/v1/submissions/:id/review/confirm': async () => {
      // Four-eyes: the campaign asks for a second reviewer; a reviewer of its own scored it first.
      const c = await campaign('open', true);
      await t.database.db.update(campaigns).set({ requireSecondReviewer: true }).where(eq(campaigns.id, c.id));
      const s = await submission(c, 'unit', 'submitted');
      const etag = await reviewed(s.id, await account('secretariat'));
      return { url: `/api/v1/submissions/${s.id}/review/confirm`, headers: { 'if-match': etag } };
    },
    // ── scoring rules and scoreboard ──
    'GET /api/v1/campaigns/:id/scoreboard': async () => ({ url: `/api/v1/campaigns/${shared.id}/scoreboard` }),
    'GET /api/v1/campaigns/:id/scoreboard.xlsx': async () => ({
      url: `/api/v1/campaigns/${shared.id}/scoreboard.xlsx`,
    }),
    'GET /api/v1/campaigns/:id/scoreboard.csv': async () => ({ url: `/api/v1/campaigns/${shared.id}/scoreboard.csv` }),
    'GET /api/v1/public/campaigns/:id/scoreboard': async () => {
      finalized ??= campaign('finalized');
      return { url: `/api/v1/public/campaigns/${(await finalized).id}/scoreboard` };
    },
    // ── jobs and outbox ──
    'GET /api/v1/jobs': async () => ({ url: '/api/v1/jobs?status=failed' }),
    'POST /api/v1/jobs/:id/retry': async () => {
      // A job that spent its attempts, as the runner leaves one.
      const id = `job_${unique('failed')}`;
      await t.database.db.insert(jobs).values({
        id,
        kind: 'test.failed',
        key: `test.failed:${id}`,
        status: 'failed',
        attempts: 5,
        lastError: 'campaign.no_criteria',
        finishedAt: new Date(),
      });
      return { url: `/api/v1/jobs/${id}/retry` };
    },
    // ── reminders and notifications ──
    'GET /api/v1/campaigns/:id/reminders': async () => ({ url: `/api/v1/campaigns/${shared.id}/reminders` }),
    'GET /api/v1/campaigns/:id/reminders/candidates': async () => ({
      url: `/api/v1/campaigns/${shared.id}/reminders/candidates`,
    }),
    'POST /api/v1/campaigns/:id/reminders': async () => ({
      url: `/api/v1/campaigns/${shared.id}/reminders`,
      table: (await import('../../src/db/schema/index.ts')).reminders,
      body: { unitIds: [xa], message: 'Đề nghị hoàn thành bản tự đánh giá.' },
    }),
    'GET /api/v1/notifications': async () => ({ url: '/api/v1/notifications' }),
    'GET /api/v1/me/tasks': async () => ({ url: '/api/v1/me/tasks' }),
    'POST /api/v1/notifications/:id/read': async (as) => ({
      url: `/api/v1/notifications/${await notificationFor(accountOf(as))}/read`,
    }),
    'POST /api/v1/notifications/read-all': async () => ({ url: '/api/v1/notifications/read-all' }),
    'GET /api/v1/email-outbox': async () => ({ url: '/api/v1/email-outbox' }),
    // ── progress dashboard ──
    'GET /api/v1/campaigns/:id/progress': async () => ({ url: `/api/v1/campaigns/${shared.id}/progress` }),
    // ── calendar feed ──
    'GET /api/v1/me/calendar-feed': async () => ({ url: '/api/v1/me/calendar-feed' }),
    'POST /api/v1/me/calendar-feed': async () => ({ url: '/api/v1/me/calendar-feed', table: calendarFeeds }),
    'DELETE /api/v1/me/calendar-feed': async (as) => {
      await ok(201, 'POST', '/api/v1/me/calendar-feed', accountOf(as));
      return { url: '/api/v1/me/calendar-feed' };
    },
    'GET /api/v1/calendar/:token.ics': async (as) => {
      const made = await ok(201, 'POST', '/api/v1/me/calendar-feed', accountOf(as));
      return { url: new URL(made.body.url as string).pathname };
    },
  };

  // ── awards: each area keeps its recipes in its own file under ./recipes, built from this kit ──
  const kit: RecipeKit = {
    t,
    ok,
    send,
    unique,
    today,
    xa,
    root,
    SEC,
    ADMIN,
    accountOf,
    account,
    campaign,
    submission,
    reviewed,
    initiative,
    person,
    upload,
    uploadOf,
  };
  for (const area of AREA_RECIPES) Object.assign(recipes, await area(kit));

  /** A file the role's account uploaded itself (the observer uploads nothing: the administrator's, for XA-THACHHAI). */
  async function uploadOf(as: RoleName): Promise<string> {
    if (as === 'observer') return upload(ADMIN, xa);
    return upload(accountOf(as), uploadFieldsFor(as)?.unitId);
  }

  return { recipes, send };
}
