/**
 * Factories: each test makes the records it needs, through the public API as a person would, and
 * never counts on another test having made them. Names and codes carry a per-process counter so
 * that two records made by two tests never collide.
 */
import { randomBytes } from 'node:crypto';
import type { RoleName } from '@thidua/contract';
import { ACCOUNT_PASSWORD, DEMO, type TestApp } from './helpers.ts';
import { addDays, todayInVietnam } from '../src/modules/campaigns/dates.ts';
import { BUNDLED, createDraft, move } from './campaigns/support.ts';
import { recordFinding, remedyFinding } from './findings/support.ts';

let seq = 0;
/** A short token unique to this process, for codes, names and e-mail addresses. */
export const unique = (prefix: string) => `${prefix}-${++seq}-${randomBytes(3).toString('hex')}`;

function must<T extends { status: number; text: string }>(res: T, status: number, what: string): T {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${res.text}`);
  return res;
}

/** A unit under `parentId` (the district by default: the unit the demo data roots its tree at). */
export async function makeUnit(
  t: TestApp,
  opts: { parentId?: string | null; kind?: string; name?: string } = {},
): Promise<{ id: string; code: string }> {
  const code = unique('DV').toUpperCase();
  const parentId = opts.parentId === undefined ? await t.unitId('UBND-TH') : opts.parentId;
  const res = await t.api
    .post('/api/v1/units')
    .set('authorization', await t.auth(DEMO.admin))
    .send({ parentId, code, name: opts.name ?? `Đơn vị ${code}`, kind: opts.kind ?? 'other' });
  must(res, 201, 'unit');
  return { id: res.body.id, code };
}

/** A person on the staff of a unit. */
export async function makePerson(t: TestApp, unitId: string, fullName = `Nguyễn Văn ${unique('A')}`) {
  const res = await t.api
    .post('/api/v1/people')
    .set('authorization', await t.auth(DEMO.admin))
    .send({ unitId, fullName });
  must(res, 201, 'person');
  return { id: res.body.id as string, fullName };
}

/**
 * An account with one role (on `unitId` for the unit roles; linked to `personId` when given),
 * signed in: its e-mail (for t.auth) and its Authorization header.
 */
export async function makeAccount(
  t: TestApp,
  role: RoleName,
  unitId?: string,
  opts: { personId?: string } = {},
): Promise<{ id: string; email: string; auth: string }> {
  const email = `${unique(role.replace('_', ''))}@thachha.gov.vn`;
  const res = await t.api
    .post('/api/v1/users')
    .set('authorization', await t.auth(DEMO.admin))
    .send({
      email,
      fullName: `Tài khoản ${role}`,
      password: ACCOUNT_PASSWORD,
      mustChangePassword: false,
      roles: [unitId ? { role, unitId } : { role }],
      ...(opts.personId ? { personId: opts.personId } : {}),
    });
  must(res, 201, 'account');
  return { id: res.body.id, email, auth: await t.auth(email) };
}

/**
 * A commune of its own with an officer, a head and a staff member (linked to a person of the
 * unit), and one more person: for tests that count what a unit has.
 */
export async function makeCommuneTeam(t: TestApp) {
  const unit = await makeUnit(t, { kind: 'commune' });
  const staffPerson = await makePerson(t, unit.id);
  const otherPerson = await makePerson(t, unit.id);
  return {
    unit,
    staffPerson,
    otherPerson,
    officer: await makeAccount(t, 'unit_officer', unit.id),
    head: await makeAccount(t, 'unit_head', unit.id),
    staff: await makeAccount(t, 'staff', unit.id, { personId: staffPerson.id }),
  };
}

export interface MadeCampaign {
  id: string;
}

/**
 * A campaign of the standing office with one ratio criterion (unless `criteria: false`), running
 * from a week ago for two months, for communes. `open` launches it and enrols `enrol` (unit codes,
 * by their officer or the office).
 */
export async function makeCampaign(
  t: TestApp,
  opts: {
    status?: 'draft' | 'open';
    criteria?: boolean;
    enrol?: string[];
    overrides?: Record<string, unknown>;
  } = {},
): Promise<MadeCampaign> {
  const draft = await createDraft(t, opts.overrides ?? {}, { criteria: opts.criteria });
  if (opts.status === 'open') await move(t, draft.id, 'open');
  for (const code of opts.enrol ?? []) {
    const res = await t.api
      .post(`/api/v1/campaigns/${draft.id}/enrollments`)
      .set('authorization', await t.auth(DEMO.secretariat))
      .send({ unitId: await t.unitId(code), commitment: 'Cam kết thực hiện đầy đủ các tiêu chí.' });
    must(res, 201, `enrol ${code}`);
  }
  return { id: draft.id };
}

export type FindingState = 'open' | 'remedied' | 'verified';

/** A finding on XA-THACHHAI in `campaignId`, moved to `state` by the unit and the office. */
export async function makeFinding(
  t: TestApp,
  campaignId: string,
  state: FindingState = 'open',
  body: Record<string, unknown> = {},
): Promise<{ id: string }> {
  const created = must(await recordFinding(t, campaignId, body), 201, 'finding');
  const id = created.body.id as string;
  if (state === 'remedied' || state === 'verified') must(await remedyFinding(t, id), 200, 'remedy');
  if (state === 'verified') {
    const res = await t.api.post(`/api/v1/findings/${id}/verify`).set('authorization', await t.auth(DEMO.secretariat));
    must(res, 200, 'verify');
  }
  return { id };
}

/**
 * An open campaign made from the bundled 2022 reform template (the seed plan's collective and
 * individual criteria), running now, for communes and their staff, with `enrol` enrolled
 * (XA-THACHHAI by default): a self-assessment of its own for a test, apart from the demo campaign.
 */
export async function makeSeedCampaign(t: TestApp, opts: { enrol?: string[] } = {}): Promise<MadeCampaign> {
  const today = todayInVietnam();
  return makeCampaign(t, {
    status: 'open',
    criteria: false,
    enrol: opts.enrol ?? ['XA-THACHHAI'],
    overrides: {
      templateId: BUNDLED,
      startsOn: addDays(today, -7),
      endsOn: addDays(today, 60),
      submissionDeadline: addDays(today, 60),
      participants: { kinds: ['commune'], unitIds: [], individualsTakePart: true },
    },
  });
}

export interface ReviewChoice {
  verdict: 'met' | 'not_met';
  score?: number;
  comment?: string;
}

/**
 * Reviews every criterion of a submitted self-assessment as `who` (the demo standing office by
 * default), so that it may be accepted: each criterion gets the verdict its automatic evaluation
 * suggests (met, else not met) and the default score, unless `choices` (by criterion code or id)
 * says otherwise. Returns the review and the submission's new ETag.
 */
export async function reviewAllCriteria(
  t: TestApp,
  submissionId: string,
  opts: { who?: string; choices?: Record<string, ReviewChoice | ReviewChoice['verdict']> } = {},
): Promise<{ etag: string; review: Record<string, unknown> & { criteria: { criterionId: string; code: string }[] } }> {
  const auth = await t.auth(opts.who ?? DEMO.secretariat);
  const read = must(
    await t.api.get(`/api/v1/submissions/${submissionId}/review`).set('authorization', auth),
    200,
    'review',
  );
  const criteria = (read.body.criteria as { criterionId: string; code: string; evaluation: { result: string } }[]).map(
    (c) => {
      const chosen = opts.choices?.[c.code] ?? opts.choices?.[c.criterionId];
      const choice: ReviewChoice =
        typeof chosen === 'string'
          ? { verdict: chosen }
          : (chosen ?? { verdict: c.evaluation.result === 'met' ? 'met' : 'not_met' });
      return { criterionId: c.criterionId, ...choice };
    },
  );
  const res = must(
    await t.api
      .patch(`/api/v1/submissions/${submissionId}/review`)
      .set('authorization', auth)
      .set('if-match', read.headers['etag']!)
      .send({ criteria }),
    200,
    'review all criteria',
  );
  return { etag: res.headers['etag']!, review: res.body };
}
