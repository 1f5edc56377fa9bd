/**
 * The award catalogue kept by the administrator: award types and their dated grant powers (the
 * authority matrix), base salaries by date, public holidays, each authority's award settings, and
 * the award types a campaign leads to (written by its authors while the campaign is not finalized).
 * Every write is audited; updates carry the version they change (412 otherwise).
 */
import { and, eq, sql } from 'drizzle-orm';
import type {
  AwardSettings,
  AwardType,
  AwardTypeList,
  AwardTypeListQuery,
  BaseSalary,
  BaseSalaryList,
  CampaignAwardTypes,
  CreateAwardTypeBody,
  CreateBaseSalaryBody,
  CreateGrantPowerBody,
  GrantPower,
  GrantPowerList,
  GrantPowerListQuery,
  PublicHoliday,
  PublicHolidayList,
  PutAwardSettingsBody,
  PutCampaignAwardTypesBody,
  RecipientKind,
  UpdateAwardTypeBody,
  UpdateBaseSalaryBody,
  UpdateGrantPowerBody,
  WorkingDays,
} from '@thidua/contract';
import type { Db, Executor } from '../../db/client.ts';
import {
  awardSettings,
  awardTypes,
  baseSalaries,
  campaigns,
  grantPowers,
  publicHolidays,
} from '../../db/schema/index.ts';
import type { Actor } from '../../lib/actor.ts';
import { assertCan } from '../../lib/access.ts';
import type { ActorCtx } from '../../lib/context.ts';
import { Conflict, DomainError, Invalid, NotFound, PreconditionFailed, type FieldProblem } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { updateAtVersion } from '../../lib/versioned.ts';
import { workingDaysBetween } from '../../lib/working-days.ts';
import { recordAudit } from '../audit/index.ts';
import { findVisibleCampaignRow, todayInVietnam } from '../campaigns/index.ts';
import { toAwardType, toBaseSalary, toGrantPower, toHoliday, toSettings } from './award-types.mapper.ts';
import {
  awardTypeCodeTaken,
  baseSalaryDateTaken,
  findAwardTypeRow,
  findAwardTypeRows,
  findBaseSalaryRow,
  findBaseSalaryRows,
  findGrantPowerRow,
  findGrantPowerRows,
  findHolidayRow,
  findHolidayRows,
  findUnitBasics,
  grantPowerRowsOf,
  lockSettingsRow,
  replaceCampaignAwardTypes,
} from './award-types.repository.ts';
import {
  awardSettingsOf,
  awardTypesByIds,
  baseSalaryOn,
  campaignAwardTypeIds,
  holidaysBetween,
} from './catalogue.queries.ts';

/** 400 on one field, the code as both the problem's and the field's (the catalogue and blocker services). */
export const fieldError = (field: string, code: string) => Invalid([{ field, code }], code);
const conflictOn = (field: string, code: string) => new DomainError(409, code, {}, [{ field, code }]);

// ── Award types ───────────────────────────────────────────────────────────────────────────────

async function readAwardType(db: Executor, id: string): Promise<AwardType> {
  const row = await findAwardTypeRow(db, id);
  if (!row) throw NotFound('award_type');
  return toAwardType(row, await grantPowerRowsOf(db, [id]));
}

export async function listAwardTypes(db: Executor, query: AwardTypeListQuery): Promise<AwardTypeList> {
  const rows = await findAwardTypeRows(db, query.includeArchived ?? false);
  const powers = await grantPowerRowsOf(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) =>
      toAwardType(
        r,
        powers.filter((p) => p.awardTypeId === r.id),
      ),
    ),
  };
}

export async function getAwardType(db: Executor, id: string): Promise<AwardType> {
  return readAwardType(db, id);
}

export async function createAwardType(db: Db, ctx: ActorCtx, body: CreateAwardTypeBody): Promise<AwardType> {
  return db.transaction(async (tx) => {
    if (await awardTypeCodeTaken(tx, body.code)) throw conflictOn('/code', 'award_type.code_taken');
    const id = newId('awt');
    await tx.insert(awardTypes).values({
      id,
      code: body.code,
      name: body.name.trim(),
      form: body.form,
      recipientKind: body.recipientKind,
      bonusCoefficient: String(body.bonusCoefficient),
      requiresInitiative: body.requiresInitiative ?? false,
      voteThreshold:
        body.voteThreshold === undefined || body.voteThreshold === null ? null : String(body.voteThreshold),
      description: body.description ?? '',
      displayOrder: body.displayOrder ?? 0,
    });
    const after = await readAwardType(tx, id);
    await recordAudit(tx, ctx, { action: 'award_type.create', objectType: 'award_type', objectId: id, after });
    return after;
  });
}

export async function updateAwardType(
  db: Db,
  ctx: ActorCtx,
  id: string,
  expectedVersion: number,
  body: UpdateAwardTypeBody,
): Promise<AwardType> {
  return db.transaction(async (tx) => {
    const row = await findAwardTypeRow(tx, id, true);
    if (!row) throw NotFound('award_type');
    if (row.version !== expectedVersion) throw PreconditionFailed();
    if (body.code !== undefined && (await awardTypeCodeTaken(tx, body.code, id)))
      throw conflictOn('/code', 'award_type.code_taken');
    const before = await readAwardType(tx, id);
    const { bonusCoefficient, voteThreshold, name, ...rest } = body;
    const changes: Partial<typeof awardTypes.$inferInsert> = { ...rest };
    if (name !== undefined) changes.name = name.trim();
    if (bonusCoefficient !== undefined) changes.bonusCoefficient = String(bonusCoefficient);
    if (voteThreshold !== undefined) changes.voteThreshold = voteThreshold === null ? null : String(voteThreshold);
    if (!(await updateAtVersion(tx, awardTypes, id, expectedVersion, changes))) throw PreconditionFailed();
    const after = await readAwardType(tx, id);
    await recordAudit(tx, ctx, { action: 'award_type.update', objectType: 'award_type', objectId: id, before, after });
    return after;
  });
}

// ── Grant powers (the authority matrix) ───────────────────────────────────────────────────────

function datesProblems(validFrom: string, validTo: string | null): FieldProblem[] {
  return validTo !== null && validTo < validFrom ? [{ field: '/validTo', code: 'grant_power.dates_reversed' }] : [];
}

export async function listGrantPowers(db: Executor, query: GrantPowerListQuery): Promise<GrantPowerList> {
  return { items: (await findGrantPowerRows(db, query)).map(toGrantPower) };
}

export async function createGrantPower(db: Db, ctx: ActorCtx, body: CreateGrantPowerBody): Promise<GrantPower> {
  return db.transaction(async (tx) => {
    const problems: FieldProblem[] = [];
    if (!(await findAwardTypeRow(tx, body.awardTypeId)))
      problems.push({ field: '/awardTypeId', code: 'award_type.not_found' });
    problems.push(...datesProblems(body.validFrom, body.validTo ?? null));
    if (problems.length) throw Invalid(problems, problems[0]!.code);
    const id = newId('gp');
    await tx.insert(grantPowers).values({
      id,
      awardTypeId: body.awardTypeId,
      grantorLevel: body.level,
      legalReference: body.legalReference?.trim() ?? '',
      validFrom: body.validFrom,
      validTo: body.validTo ?? null,
    });
    const after = toGrantPower((await findGrantPowerRow(tx, id))!);
    await recordAudit(tx, ctx, { action: 'grant_power.create', objectType: 'grant_power', objectId: id, after });
    return after;
  });
}

export async function updateGrantPower(
  db: Db,
  ctx: ActorCtx,
  id: string,
  expectedVersion: number,
  body: UpdateGrantPowerBody,
): Promise<GrantPower> {
  return db.transaction(async (tx) => {
    const row = await findGrantPowerRow(tx, id, true);
    if (!row) throw NotFound('grant_power');
    if (row.version !== expectedVersion) throw PreconditionFailed();
    const validFrom = body.validFrom ?? row.validFrom;
    const validTo = body.validTo !== undefined ? body.validTo : (row.validTo ?? null);
    const problems = datesProblems(validFrom, validTo);
    if (problems.length) throw Invalid(problems, problems[0]!.code);
    const changes: Partial<typeof grantPowers.$inferInsert> = { validFrom, validTo };
    if (body.level !== undefined) changes.grantorLevel = body.level;
    if (body.legalReference !== undefined) changes.legalReference = body.legalReference.trim();
    if (!(await updateAtVersion(tx, grantPowers, id, expectedVersion, changes))) throw PreconditionFailed();
    const after = toGrantPower((await findGrantPowerRow(tx, id))!);
    await recordAudit(tx, ctx, {
      action: 'grant_power.update',
      objectType: 'grant_power',
      objectId: id,
      before: toGrantPower(row),
      after,
    });
    return after;
  });
}

export async function deleteGrantPower(db: Db, ctx: ActorCtx, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await findGrantPowerRow(tx, id, true);
    if (!row) throw NotFound('grant_power');
    await tx.delete(grantPowers).where(eq(grantPowers.id, id));
    await recordAudit(tx, ctx, {
      action: 'grant_power.delete',
      objectType: 'grant_power',
      objectId: id,
      before: toGrantPower(row),
    });
  });
}

// ── Base salaries ─────────────────────────────────────────────────────────────────────────────

export async function listBaseSalaries(db: Executor): Promise<BaseSalaryList> {
  return { items: (await findBaseSalaryRows(db)).map(toBaseSalary) };
}

export async function currentBaseSalary(db: Executor, on: string | undefined): Promise<BaseSalary> {
  const row = await baseSalaryOn(db, on ?? todayInVietnam());
  if (!row) throw NotFound('base_salary');
  return toBaseSalary(row);
}

export async function createBaseSalary(db: Db, ctx: ActorCtx, body: CreateBaseSalaryBody): Promise<BaseSalary> {
  return db.transaction(async (tx) => {
    if (await baseSalaryDateTaken(tx, body.validFrom)) throw conflictOn('/validFrom', 'base_salary.date_taken');
    const id = newId('bs');
    await tx.insert(baseSalaries).values({
      id,
      amount: body.amount,
      validFrom: body.validFrom,
      legalReference: body.legalReference?.trim() ?? '',
    });
    const after = toBaseSalary((await findBaseSalaryRow(tx, id))!);
    await recordAudit(tx, ctx, { action: 'base_salary.create', objectType: 'base_salary', objectId: id, after });
    return after;
  });
}

export async function updateBaseSalary(
  db: Db,
  ctx: ActorCtx,
  id: string,
  expectedVersion: number,
  body: UpdateBaseSalaryBody,
): Promise<BaseSalary> {
  return db.transaction(async (tx) => {
    const row = await findBaseSalaryRow(tx, id, true);
    if (!row) throw NotFound('base_salary');
    if (row.version !== expectedVersion) throw PreconditionFailed();
    if (body.validFrom !== undefined && (await baseSalaryDateTaken(tx, body.validFrom, id)))
      throw conflictOn('/validFrom', 'base_salary.date_taken');
    const changes: Partial<typeof baseSalaries.$inferInsert> = {};
    if (body.amount !== undefined) changes.amount = body.amount;
    if (body.validFrom !== undefined) changes.validFrom = body.validFrom;
    if (body.legalReference !== undefined) changes.legalReference = body.legalReference.trim();
    if (!(await updateAtVersion(tx, baseSalaries, id, expectedVersion, changes))) throw PreconditionFailed();
    const after = toBaseSalary((await findBaseSalaryRow(tx, id))!);
    await recordAudit(tx, ctx, {
      action: 'base_salary.update',
      objectType: 'base_salary',
      objectId: id,
      before: toBaseSalary(row),
      after,
    });
    return after;
  });
}

export async function deleteBaseSalary(db: Db, ctx: ActorCtx, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await findBaseSalaryRow(tx, id, true);
    if (!row) throw NotFound('base_salary');
    await tx.delete(baseSalaries).where(eq(baseSalaries.id, id));
    await recordAudit(tx, ctx, {
      action: 'base_salary.delete',
      objectType: 'base_salary',
      objectId: id,
      before: toBaseSalary(row),
    });
  });
}

// ── Public holidays and working days ──────────────────────────────────────────────────────────

export async function listHolidays(db: Executor, year: number | undefined): Promise<PublicHolidayList> {
  return { items: (await findHolidayRows(db, year)).map(toHoliday) };
}

export async function putHoliday(db: Db, ctx: ActorCtx, day: string, name: string): Promise<PublicHoliday> {
  return db.transaction(async (tx) => {
    const before = await findHolidayRow(tx, day);
    const trimmed = name.trim();
    if (!trimmed) throw fieldError('/name', 'public_holiday.name_required');
    await tx
      .insert(publicHolidays)
      .values({ day, name: trimmed })
      .onConflictDoUpdate({ target: publicHolidays.day, set: { name: trimmed } });
    const after = { date: day, name: trimmed };
    await recordAudit(tx, ctx, {
      action: before ? 'public_holiday.update' : 'public_holiday.create',
      objectType: 'public_holiday',
      objectId: day,
      before: before ? toHoliday(before) : undefined,
      after,
    });
    return after;
  });
}

export async function deleteHoliday(db: Db, ctx: ActorCtx, day: string): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await findHolidayRow(tx, day);
    if (!row) throw NotFound('public_holiday');
    await tx.delete(publicHolidays).where(eq(publicHolidays.day, day));
    await recordAudit(tx, ctx, {
      action: 'public_holiday.delete',
      objectType: 'public_holiday',
      objectId: day,
      before: toHoliday(row),
    });
  });
}

/** At most this many days between `from` and `to` (the count walks the days). */
const MAX_WORKING_DAYS_SPAN = 3660;

export async function countWorkingDays(db: Executor, from: string, to: string): Promise<WorkingDays> {
  if (to < from) throw fieldError('/to', 'working_days.range_reversed');
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > MAX_WORKING_DAYS_SPAN)
    throw fieldError('/to', 'working_days.range_too_long');
  return { from, to, workingDays: workingDaysBetween(from, to, await holidaysBetween(db, from, to)) };
}

// ── Award settings ────────────────────────────────────────────────────────────────────────────

export async function getAwardSettings(db: Executor, unitId: string): Promise<AwardSettings> {
  if (!(await findUnitBasics(db, unitId))) throw NotFound('unit');
  return toSettings(await awardSettingsOf(db, unitId));
}

export async function putAwardSettings(
  db: Db,
  ctx: ActorCtx,
  unitId: string,
  expectedVersion: number,
  body: PutAwardSettingsBody,
): Promise<AwardSettings> {
  return db.transaction(async (tx) => {
    if (!(await findUnitBasics(tx, unitId))) throw NotFound('unit');
    const row = await lockSettingsRow(tx, unitId);
    if ((row?.version ?? 0) !== expectedVersion) throw PreconditionFailed();
    const before = toSettings(await awardSettingsOf(tx, unitId));
    const values = {
      grantorLevel: body.grantorLevel,
      quorum: String(body.quorum),
      threshold: String(body.threshold),
      thresholdStrict: body.thresholdStrict,
      postingWorkingDays: body.postingWorkingDays,
      bonusRoundingStep: body.bonusRoundingStep,
      grantorTitle: body.grantorTitle.trim(),
      issuerCode: body.issuerCode.trim(),
      place: body.place.trim(),
    };
    if (!values.issuerCode) throw fieldError('/issuerCode', 'award_settings.issuer_code_required');
    if (row) {
      await tx
        .update(awardSettings)
        .set({ ...values, updatedAt: new Date(), version: sql`${awardSettings.version} + 1` })
        .where(and(eq(awardSettings.authorityUnitId, unitId), eq(awardSettings.version, expectedVersion)));
    } else {
      await tx.insert(awardSettings).values({ authorityUnitId: unitId, ...values });
    }
    const after = toSettings(await awardSettingsOf(tx, unitId));
    await recordAudit(tx, ctx, {
      action: 'award_settings.update',
      objectType: 'award_settings',
      objectId: unitId,
      before: before.stored ? before : undefined,
      after,
    });
    return after;
  });
}

// ── A campaign's award types ──────────────────────────────────────────────────────────────────

async function readCampaignAwardTypes(db: Executor, campaign: { id: string; thematic: boolean; version: number }) {
  const ids = await campaignAwardTypeIds(db, campaign.id);
  const rows = await awardTypesByIds(db, ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: CampaignAwardTypes = {
    campaignId: campaign.id,
    thematic: campaign.thematic,
    awardTypeIds: ids,
    awardTypes: ids.map((id) => {
      const r = byId.get(id)!;
      return { id, code: r.code, name: r.name, recipientKind: r.recipientKind as RecipientKind, archived: r.archived };
    }),
    version: campaign.version,
  };
  return out;
}

export async function getCampaignAwardTypes(
  db: Executor,
  actor: Actor,
  campaignId: string,
): Promise<CampaignAwardTypes> {
  const campaign = await findVisibleCampaignRow(db, actor, campaignId);
  return readCampaignAwardTypes(db, campaign);
}

export async function putCampaignAwardTypes(
  db: Db,
  ctx: ActorCtx,
  campaignId: string,
  expectedVersion: number,
  body: PutCampaignAwardTypesBody,
): Promise<CampaignAwardTypes> {
  return db.transaction(async (tx) => {
    const campaign = await findVisibleCampaignRow(tx, ctx.actor, campaignId);
    assertCan(ctx.actor, 'campaign.author', { unitId: campaign.authorityUnitId });
    if (campaign.status === 'finalized' || campaign.status === 'archived')
      throw Conflict('campaign_award_types.not_editable');
    if (campaign.version !== expectedVersion) throw PreconditionFailed();
    const before = await readCampaignAwardTypes(tx, campaign);
    const rows = await awardTypesByIds(tx, body.awardTypeIds);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const problems: FieldProblem[] = [];
    const seen = new Set<string>();
    body.awardTypeIds.forEach((id, i) => {
      const r = byId.get(id);
      if (!r) problems.push({ field: `/awardTypeIds/${i}`, code: 'award_type.not_found' });
      else if (seen.has(id)) problems.push({ field: `/awardTypeIds/${i}`, code: 'campaign_award_types.repeated' });
      else if (r.archived && !before.awardTypeIds.includes(id))
        problems.push({ field: `/awardTypeIds/${i}`, code: 'award_type.archived' });
      seen.add(id);
    });
    if (problems.length) throw Invalid(problems, problems[0]!.code);
    if (!(await updateAtVersion(tx, campaigns, campaignId, expectedVersion, { thematic: body.thematic })))
      throw PreconditionFailed();
    await replaceCampaignAwardTypes(tx, campaignId, body.awardTypeIds);
    const after = await readCampaignAwardTypes(tx, {
      id: campaignId,
      thematic: body.thematic,
      version: expectedVersion + 1,
    });
    await recordAudit(tx, ctx, {
      action: 'campaign.award_types',
      objectType: 'campaign',
      objectId: campaignId,
      before,
      after,
    });
    return after;
  });
}
