/** Shared steps of the self-assessment, findings and initiatives tests: the demo campaign, its criteria, uploads. */
import { and, eq } from 'drizzle-orm';
import { DEMO_CAMPAIGN_TEMPLATE } from '../../src/bootstrap/demo-campaign.ts';
import { campaigns, people } from '../../src/db/schema/index.ts';
import { DEMO, type TestApp } from '../helpers.ts';
import { pdf } from '../files/fixtures.ts';

type Who = (typeof DEMO)[keyof typeof DEMO];

/**
 * The demo campaign (the 2022 reform plan made from the bundled template, open, XA-THACHHAI
 * enrolled), found by what it is rather than by being the only open one: the demo data may hold
 * other campaigns.
 */
export async function demoCampaignId(t: TestApp): Promise<string> {
  const open = await t.database.db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(eq(campaigns.status, 'open'), eq(campaigns.templateId, DEMO_CAMPAIGN_TEMPLATE)));
  if (open.length !== 1) throw new Error(`expected one open demo campaign, found ${open.length}`);
  return open[0]!.id;
}

export interface CriterionRef {
  id: string;
  code: string;
  target: string;
  kind: string;
  evidenceRequired: boolean;
}

/** The campaign's criteria of a target, by code. */
export async function criteriaByCode(
  t: TestApp,
  campaignId: string,
  target: 'collective' | 'individual' = 'collective',
): Promise<Map<string, CriterionRef>> {
  const res = await t.api
    .get(`/api/v1/campaigns/${campaignId}/criteria?target=${target}`)
    .set('authorization', await t.auth(DEMO.secretariat));
  if (res.status !== 200) throw new Error(`criteria: ${res.status} ${res.text}`);
  return new Map((res.body.items as CriterionRef[]).map((c) => [c.code, c]));
}

/** Uploads a small PDF as `who` (for their own unit, or `unitId` for the office) and returns its id. */
export async function uploadPdf(t: TestApp, who: Who, name = 'minh-chung.pdf', unitId?: string): Promise<string> {
  let req = t.api.post('/api/v1/files').set('authorization', await t.auth(who));
  if (unitId) req = req.field('unitId', unitId);
  const res = await req.attach('file', pdf(), { filename: name, contentType: 'application/pdf' });
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${res.text}`);
  return res.body.id as string;
}

/** A staff member of a unit (for authors of initiatives). */
export async function personOf(t: TestApp, unitCode: string, index = 0): Promise<string> {
  const unitId = await t.unitId(unitCode);
  const rows = await t.database.db
    .select({ id: people.id })
    .from(people)
    .where(eq(people.unitId, unitId))
    .orderBy(people.fullName, people.id);
  return rows[index]!.id;
}

/** Starts XA-THACHHAI's collective self-assessment as its officer. */
export async function startUnitSubmission(t: TestApp, campaignId: string): Promise<{ id: string; etag: string }> {
  const res = await t.api
    .post(`/api/v1/campaigns/${campaignId}/submissions`)
    .set('authorization', await t.auth(DEMO.unitOfficer))
    .send({});
  if (res.status !== 201) throw new Error(`start: ${res.status} ${res.text}`);
  return { id: res.body.id, etag: etagOf(res) };
}

/** The ETag of a response, which every read and write of these resources sends. */
export function etagOf(res: { headers: Record<string, string | undefined>; status: number }): string {
  const etag = res.headers['etag'];
  if (!etag) throw new Error(`no ETag on a ${res.status} response`);
  return etag;
}
