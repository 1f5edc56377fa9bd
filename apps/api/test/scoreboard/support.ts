/**
 * Shared steps of the scoreboard tests. The board reads what other parts write; the tests set it up
 * directly where the API cannot: scoring rules and weights are frozen once a campaign opens (the
 * seed campaign is open), and a submitted self-assessment of the seed plan needs every answer and
 * its evidence, so submissions in a state, per-criterion reviews and findings are written as rows
 * (one unit's review in the hand-computed test goes through the review API).
 */
import { and, asc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { ScoringRules, UnitGroup } from '@thidua/contract';
import {
  campaigns,
  criteria,
  criterionReviews,
  deadlineExtensions,
  findings,
  submissions,
} from '../../src/db/schema/index.ts';
import { newId } from '../../src/lib/ids.ts';
import { DEMO, type TestApp } from '../helpers.ts';
import { binary } from '../files/fixtures.ts';

export interface CriterionRow {
  id: string;
  code: string;
}

/** The campaign's criteria of a target in their order. */
export async function criteriaOf(t: TestApp, campaignId: string, target = 'collective'): Promise<CriterionRow[]> {
  return t.database.db
    .select({ id: criteria.id, code: criteria.code })
    .from(criteria)
    .where(and(eq(criteria.campaignId, campaignId), eq(criteria.target, target)))
    .orderBy(asc(criteria.position), asc(criteria.code));
}

export async function setCriterion(t: TestApp, id: string, values: { weight?: number; maxScore?: number }) {
  await t.database.db.update(criteria).set(values).where(eq(criteria.id, id));
}

export async function setRules(
  t: TestApp,
  campaignId: string,
  scoring: ScoringRules,
  unitGroups?: UnitGroup[],
): Promise<void> {
  await t.database.db
    .update(campaigns)
    .set({ scoring, ...(unitGroups ? { unitGroups } : {}) })
    .where(eq(campaigns.id, campaignId));
}

/** A collective submission of a unit in a state, first submitted at `firstSubmittedAt`. */
export async function insertSubmission(
  t: TestApp,
  campaignId: string,
  unitId: string,
  status: 'draft' | 'submitted' | 'returned' | 'accepted',
  firstSubmittedAt: Date | null,
  personId: string | null = null,
): Promise<string> {
  const id = newId('sb');
  await t.database.db.insert(submissions).values({
    id,
    campaignId,
    target: personId ? 'individual' : 'collective',
    unitId,
    personId,
    status,
    firstSubmittedAt,
    submittedAt: firstSubmittedAt,
    versionCount: firstSubmittedAt ? 1 : 0,
    searchKey: id,
  });
  return id;
}

export async function insertReviews(
  t: TestApp,
  submissionId: string,
  reviews: { criterionId: string; verdict: 'met' | 'not_met'; score: number }[],
): Promise<void> {
  const reviewedBy = await t.userId(DEMO.secretariat);
  await t.database.db
    .insert(criterionReviews)
    .values(reviews.map((r) => ({ id: newId('rv'), submissionId, reviewedBy, ...r })));
}

export async function insertFinding(
  t: TestApp,
  campaignId: string,
  unitId: string,
  values: { status: 'open' | 'remedied' | 'verified'; dueOn: string | null },
): Promise<void> {
  const id = newId('fd');
  await t.database.db.insert(findings).values({
    id,
    campaignId,
    unitId,
    title: 'Chưa niêm yết công khai thủ tục hành chính',
    inspectionName: 'Đoàn kiểm tra CCHC',
    inspectedOn: '2022-03-15',
    searchKey: id,
    ...values,
  });
}

export async function extendDeadline(t: TestApp, campaignId: string, unitId: string, until: string): Promise<void> {
  await t.database.db
    .insert(deadlineExtensions)
    .values({ id: newId('de'), campaignId, unitId, until, reason: 'Ảnh hưởng của bão.' });
}

/** An instant on a day in Vietnam (UTC+7) at the given hour. */
export const vnTime = (day: string, hour: number) => new Date(Date.parse(`${day}T00:00:00Z`) + (hour - 7) * 3_600_000);

/** Downloads a binary answer as `who`. */
export async function download(t: TestApp, url: string, auth: string) {
  return t.api.get(url).set('authorization', auth).buffer(true).parse(binary);
}

/** A workbook read back: each row's values by the header of the row that holds `headerCell`. */
export async function readWorkbook(content: Buffer, headerCell = 'Xếp hạng') {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(content as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  let headerRow = 0;
  ws.eachRow((row, n) => {
    if (!headerRow && (row.values as unknown[]).includes(headerCell)) headerRow = n;
  });
  if (!headerRow) throw new Error(`no header row with "${headerCell}"`);
  const headers = (ws.getRow(headerRow).values as unknown[]).map((v) => String(v ?? ''));
  const rows: Record<string, unknown>[] = [];
  for (let n = headerRow + 1; n <= ws.rowCount; n++) {
    const values = ws.getRow(n).values as unknown[];
    const rec: Record<string, unknown> = {};
    headers.forEach((h, i) => h && (rec[h] = values[i]));
    rows.push(rec);
  }
  const text: string[] = [];
  for (let n = 1; n < headerRow; n++) {
    const v = ws.getRow(n).values as unknown[];
    for (const x of v) if (typeof x === 'string') text.push(x);
  }
  return { ws, rows, text, headerRow };
}
