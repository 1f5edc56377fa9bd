/**
 * Import of units and staff from a sheet. Every row is checked first and every problem collected
 * with the row number and column the user sees; only a sheet without problems is written, in one
 * transaction with one audit event, so an import is all or nothing. Existing records are updated by
 * key (unit: code; person: unit + name + email-or-empty); a blank optional cell keeps what is stored.
 */
import Value from 'typebox/value';
import type { TSchema } from 'typebox';
import {
  CreatePersonBody,
  CreateUnitBody,
  type ImportChange,
  type ImportFieldChange,
  type ImportReport,
  type UnitKind,
} from '@thidua/contract';
import type { Db } from '../../db/client.ts';
import type { ActorCtx, Ctx } from '../../lib/context.ts';
import { can } from '../../lib/access.ts';
import { newId } from '../../lib/ids.ts';
import { recordAudit } from '../audit/index.ts';
import { relevel, unitSearchKey } from '../units/index.ts';
import { personKey } from '../people/index.ts';
import {
  EXAMPLE_UNIT_CODE,
  GENDER_LABELS,
  KIND_LABELS,
  PEOPLE_COLUMNS,
  UNIT_COLUMNS,
  cellsOf,
  cleanText,
  mapHeaders,
  parseGender,
  parseInteger,
  parseKind,
  parseYear,
  type HeaderMap,
} from './columns.ts';
import type { Sheet } from './sheet-reader.ts';
import {
  allUnitCodes,
  allUnitRows,
  insertPeople,
  insertUnits,
  peopleOfUnits,
  updatePersonRow,
  updateUnitRow,
  type NewPersonRow,
  type NewUnitRow,
  type PersonRow,
  type UnitRow,
} from './imports.repository.ts';
import type { RowProblem } from './imports.mapper.ts';

export interface ImportOutcome {
  report: Omit<ImportReport, 'errors'>;
  problems: RowProblem[];
}

export interface ImportOptions {
  dryRun: boolean;
  fileName: string;
}

/** Rows are inserted in slices: one statement per slice keeps a 10,000-row sheet fast without huge statements. */
const INSERT_SLICE = 500;

async function insertInSlices<T>(rows: T[], insert: (slice: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_SLICE) await insert(rows.slice(i, i + INSERT_SLICE));
}

class Problems {
  readonly list: RowProblem[] = [];
  private readonly rowsWithProblems = new Set<number>();
  add(row: number, field: string | undefined, code: string, params?: Record<string, string | number>) {
    this.list.push({ row, ...(field !== undefined ? { field } : {}), code, ...(params ? { params } : {}) });
    this.rowsWithProblems.add(row);
  }
  has(row: number) {
    return this.rowsWithProblems.has(row);
  }
}

/** Problems of the header row; true when the rows can be read at all. */
function checkHeaders<K extends string>(map: HeaderMap<K>, problems: Problems): boolean {
  for (const c of map.missing) problems.add(1, c.header, 'import.missing_column', { column: c.header });
  for (const h of map.duplicated) problems.add(1, h, 'import.duplicate_column', { column: h });
  return map.missing.length === 0 && map.duplicated.length === 0;
}

/** The minimum and maximum a contract schema allows for an integer property. */
function boundsOf(schema: TSchema, key: string): { min: number | string; max: number | string } {
  const prop = (
    schema as {
      properties?: Record<
        string,
        { minimum?: number; maximum?: number; anyOf?: { minimum?: number; maximum?: number }[] }
      >;
    }
  ).properties?.[key];
  const s = [prop, ...(prop?.anyOf ?? [])].find((x) => x && (x.minimum !== undefined || x.maximum !== undefined));
  return { min: s?.minimum ?? '', max: s?.maximum ?? '' };
}

/**
 * Checks a row's values against the same contract schema the create route uses, and words the
 * first failure of each field for the person who typed the cell.
 */
function checkAgainstContract<K extends string>(
  schema: TSchema,
  value: Record<string, unknown>,
  fieldOf: Partial<Record<string, K>>,
  label: Record<K, string>,
  row: number,
  problems: Problems,
  raw: Record<K, string>,
) {
  const seen = new Set<string>();
  for (const e of Value.Errors(schema, value)) {
    const prop = e.instancePath.split('/')[1] ?? '';
    const key = fieldOf[prop];
    if (
      !key ||
      seen.has(prop) ||
      e.keyword === 'anyOf' ||
      (e.keyword === 'type' && (e.params as { type?: string }).type === 'null')
    )
      continue;
    seen.add(prop);
    const column = label[key];
    const shown = raw[key];
    switch (e.keyword) {
      case 'format':
        problems.add(row, column, 'import.bad_email', { value: shown });
        break;
      case 'pattern':
        problems.add(row, column, prop === 'code' ? 'import.bad_code' : 'import.invalid_value', { value: shown });
        break;
      case 'maxLength':
        if (prop === 'code') problems.add(row, column, 'import.bad_code', { value: shown });
        else problems.add(row, column, 'import.too_long', { max: Number((e.params as { limit?: number }).limit ?? 0) });
        break;
      case 'minLength':
      case 'required':
        problems.add(row, column, 'import.required');
        break;
      case 'minimum':
      case 'maximum':
        problems.add(row, column, 'import.out_of_range', { ...boundsOf(schema, prop), value: shown });
        break;
      default:
        problems.add(row, column, 'import.invalid_value', { value: shown });
    }
  }
}

function sameText(a: string | null | undefined, b: string | null | undefined) {
  return (a ?? null) === (b ?? null);
}

/** The label of a stored value (kind, gender), or the value itself when it has none. */
function labelOf(labels: Readonly<Record<string, string>>, value: string | null): string | null {
  return value === null ? null : (labels[value] ?? value);
}

/** A value as the sheet would show it, for the report of what changes. */
function shown(v: string | number | null | undefined): string | null {
  return v === null || v === undefined || v === '' ? null : String(v);
}

// ---------------------------------------------------------------------------------------------
// Units

interface UnitPlan {
  row: number;
  id: string;
  existing: UnitRow | null;
  code: string;
  name: string;
  kind: UnitKind | null;
  /** undefined: keep (existing) or root (new). */
  parentId: string | null | undefined;
  parentCode: string;
  displayOrder: number | null;
  address: string | null;
  phone: string | null;
  email: string | null;
}

export async function importUnits(db: Db, ctx: Ctx, sheet: Sheet, opts: ImportOptions): Promise<ImportOutcome> {
  const map = mapHeaders(UNIT_COLUMNS, sheet.headers);
  const problems = new Problems();
  const report = {
    kind: 'units' as const,
    dryRun: opts.dryRun,
    committed: false,
    total: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    ignoredColumns: map.ignored,
    changes: [] as ImportChange[],
  };
  if (!checkHeaders(map, problems)) return { report, problems: problems.list };

  return db.transaction(async (tx) => {
    const all = await allUnitRows(tx);
    const byCode = new Map(all.map((u) => [u.code, u]));
    const byId = new Map(all.map((u) => [u.id, u]));
    const plans: UnitPlan[] = [];
    const firstRowOfCode = new Map<string, UnitPlan>();

    // Pass 1: each row on its own.
    for (const { row, cells } of sheet.rows) {
      const c = cellsOf(map, cells);
      if (Object.values(c).every((v) => v === '')) continue;
      report.total++;
      const code = c.code;
      // The templates' example row is never written, whatever units exist (issue: it used a real code).
      if (code === EXAMPLE_UNIT_CODE) {
        problems.add(row, map.label.code, 'import.example_row');
        continue;
      }
      const existing = byCode.get(code) ?? null;
      if (!code) problems.add(row, map.label.code, 'import.required');
      if (!c.name) problems.add(row, map.label.name, 'import.required');
      let kind: UnitKind | null = null;
      if (c.kind) {
        kind = parseKind(c.kind);
        if (!kind)
          problems.add(row, map.label.kind, 'import.bad_kind', {
            value: c.kind,
            allowed: Object.values(KIND_LABELS).join('; '),
          });
      } else if (!existing) problems.add(row, map.label.kind, 'import.required');
      let displayOrder: number | null = null;
      if (c.displayOrder) {
        displayOrder = parseInteger(c.displayOrder);
        if (displayOrder === null)
          problems.add(row, map.label.displayOrder, 'import.not_integer', { value: c.displayOrder });
      }
      const candidate = {
        parentId: null,
        code,
        name: cleanText(c.name) || 'x',
        kind: kind ?? 'other',
        ...(displayOrder !== null ? { displayOrder } : {}),
        ...(c.address ? { address: c.address } : {}),
        ...(c.phone ? { phone: c.phone } : {}),
        ...(c.email ? { email: c.email } : {}),
      };
      if (code)
        checkAgainstContract(
          CreateUnitBody,
          candidate,
          {
            code: 'code',
            name: 'name',
            displayOrder: 'displayOrder',
            address: 'address',
            phone: 'phone',
            email: 'email',
          },
          map.label,
          row,
          problems,
          c,
        );
      else
        checkAgainstContract(
          CreateUnitBody,
          { ...candidate, code: 'x' },
          { name: 'name', displayOrder: 'displayOrder', address: 'address', phone: 'phone', email: 'email' },
          map.label,
          row,
          problems,
          c,
        );

      if (code) {
        const first = firstRowOfCode.get(code);
        if (first) {
          problems.add(row, map.label.code, 'import.duplicate_code', { code, other: first.row });
          continue;
        }
      }
      const plan: UnitPlan = {
        row,
        id: existing?.id ?? newId('un'),
        existing,
        code,
        name: cleanText(c.name),
        kind,
        parentId: undefined,
        parentCode: c.parentCode,
        displayOrder,
        address: c.address || null,
        phone: c.phone || null,
        email: c.email || null,
      };
      plans.push(plan);
      if (code) firstRowOfCode.set(code, plan);
    }

    // Pass 2: parents, which may be a unit in the system or one on a row above.
    for (const p of plans) {
      if (!p.parentCode) continue;
      const inSheet = firstRowOfCode.get(p.parentCode);
      const inDb = byCode.get(p.parentCode);
      if (p.parentCode === p.code) problems.add(p.row, map.label.parentCode, 'import.parent_self');
      else if (inSheet && inSheet.row < p.row) p.parentId = inSheet.id;
      else if (inDb) p.parentId = inDb.id;
      else if (inSheet)
        problems.add(p.row, map.label.parentCode, 'import.parent_later', { code: p.parentCode, other: inSheet.row });
      else problems.add(p.row, map.label.parentCode, 'import.parent_not_found', { code: p.parentCode });
    }

    // Pass 3: the tree as it would be after the import must have no loops; levels follow from it.
    const parentOf = new Map<string, string | null>(all.map((u) => [u.id, u.parentId]));
    for (const p of plans) parentOf.set(p.id, p.parentId !== undefined ? p.parentId : (p.existing?.parentId ?? null));
    const depthOf = new Map<string, number>();
    const depth = (id: string): number | null => {
      const chain: string[] = [];
      let cur: string | null = id;
      while (cur !== null && !depthOf.has(cur)) {
        if (chain.includes(cur) || chain.length > parentOf.size) return null;
        chain.push(cur);
        cur = parentOf.get(cur) ?? null;
      }
      let d = cur === null ? -1 : depthOf.get(cur)!;
      for (let i = chain.length - 1; i >= 0; i--) depthOf.set(chain[i]!, ++d);
      return depthOf.get(id)!;
    };
    for (const p of plans) {
      if (p.parentId && depth(p.id) === null)
        problems.add(p.row, map.label.parentCode, 'import.parent_cycle', { code: p.parentCode });
    }

    if (report.total === 0) problems.add(2, undefined, 'import.empty');
    if (problems.list.length) return { report, problems: problems.list };

    // Plan the writes.
    const inserts: NewUnitRow[] = [];
    const updates: { id: string; set: Partial<UnitRow>; moved: boolean }[] = [];
    for (const p of plans) {
      const ex = p.existing;
      if (!ex) {
        inserts.push({
          id: p.id,
          parentId: p.parentId ?? null,
          code: p.code,
          name: p.name,
          kind: p.kind!,
          level: depth(p.id)!,
          displayOrder: p.displayOrder ?? 0,
          address: p.address,
          phone: p.phone,
          email: p.email,
          searchKey: unitSearchKey(p),
        });
        continue;
      }
      const set: Partial<UnitRow> = {};
      if (p.name !== ex.name) set.name = p.name;
      if (p.kind && p.kind !== ex.kind) set.kind = p.kind;
      if (p.parentId !== undefined && p.parentId !== ex.parentId) set.parentId = p.parentId;
      if (p.displayOrder !== null && p.displayOrder !== ex.displayOrder) set.displayOrder = p.displayOrder;
      if (p.address && !sameText(p.address, ex.address)) set.address = p.address;
      if (p.phone && !sameText(p.phone, ex.phone)) set.phone = p.phone;
      if (p.email && !sameText(p.email, ex.email)) set.email = p.email;
      if (Object.keys(set).length) {
        updates.push({ id: ex.id, set, moved: 'parentId' in set });
        report.changes.push({
          row: p.row,
          record: `${ex.code} — ${ex.name}`,
          fields: unitFieldChanges(ex, set, p, byId, map.label),
        });
      } else report.unchanged++;
    }
    report.created = inserts.length;
    report.updated = updates.length;
    if (opts.dryRun) return { report, problems: [] };

    // Parents come before children in the sheet, so inserting in sheet order satisfies the foreign key.
    await insertInSlices(inserts, (slice) => insertUnits(tx, slice));
    for (const u of updates) {
      const before = byId.get(u.id)!;
      await updateUnitRow(tx, u.id, {
        ...u.set,
        searchKey: unitSearchKey({ name: u.set.name ?? before.name, code: before.code }),
        updatedAt: new Date(),
      });
    }
    // A moved unit carries its subtree (also units not in the sheet) to the new depth.
    for (const u of updates) if (u.moved) await relevel(tx, u.id, depth(u.id)!);
    report.committed = true;
    await recordAudit(tx, ctx, {
      action: 'units.import',
      objectType: 'unit',
      objectId: null,
      after: auditSummary(report, sheet, opts),
    });
    return { report, problems: [] };
  });
}

/** Each field an update changes, as the sheet's columns name it, old and new value as a person reads them. */
function unitFieldChanges(
  ex: UnitRow,
  set: Partial<UnitRow>,
  p: UnitPlan,
  byId: Map<string, UnitRow>,
  label: Record<(typeof UNIT_COLUMNS)[number]['key'], string>,
): ImportFieldChange[] {
  const out: ImportFieldChange[] = [];
  if (set.name !== undefined) out.push({ field: label.name, before: ex.name, after: set.name });
  if (set.kind !== undefined)
    out.push({ field: label.kind, before: labelOf(KIND_LABELS, ex.kind), after: labelOf(KIND_LABELS, set.kind) });
  if (set.parentId !== undefined)
    out.push({
      field: label.parentCode,
      before: shown(ex.parentId ? byId.get(ex.parentId)?.code : null),
      after: shown(p.parentCode),
    });
  if (set.displayOrder !== undefined)
    out.push({ field: label.displayOrder, before: shown(ex.displayOrder), after: shown(set.displayOrder) });
  if (set.address !== undefined)
    out.push({ field: label.address, before: shown(ex.address), after: shown(set.address) });
  if (set.phone !== undefined) out.push({ field: label.phone, before: shown(ex.phone), after: shown(set.phone) });
  if (set.email !== undefined) out.push({ field: label.email, before: shown(ex.email), after: shown(set.email) });
  return out;
}

function auditSummary(report: ImportOutcome['report'], sheet: Sheet, opts: ImportOptions) {
  return {
    fileName: opts.fileName,
    format: sheet.format,
    total: report.total,
    created: report.created,
    updated: report.updated,
    unchanged: report.unchanged,
  };
}

// ---------------------------------------------------------------------------------------------
// People

/** Identity of a person for the import: same unit, same name (case and spacing aside), same email or both without. */
function identity(unitId: string, fullName: string, email: string | null | undefined): string {
  return `${unitId}\n${cleanText(fullName).toLocaleLowerCase('vi')}\n${(email ?? '').trim().toLowerCase()}`;
}

export async function importPeople(db: Db, ctx: ActorCtx, sheet: Sheet, opts: ImportOptions): Promise<ImportOutcome> {
  const map = mapHeaders(PEOPLE_COLUMNS, sheet.headers);
  const problems = new Problems();
  const report = {
    kind: 'people' as const,
    dryRun: opts.dryRun,
    committed: false,
    total: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    ignoredColumns: map.ignored,
    changes: [] as ImportChange[],
  };
  if (!checkHeaders(map, problems)) return { report, problems: problems.list };

  return db.transaction(async (tx) => {
    const unitByCode = new Map((await allUnitCodes(tx)).map((u) => [u.code, u.id]));
    interface Plan {
      row: number;
      unitId: string;
      unitCode: string;
      fullName: string;
      position: string | null;
      email: string | null;
      phone: string | null;
      gender: 'male' | 'female' | 'other' | null;
      birthYear: number | null;
    }
    const plans: Plan[] = [];
    const firstRowOf = new Map<string, number>();

    for (const { row, cells } of sheet.rows) {
      const c = cellsOf(map, cells);
      if (Object.values(c).every((v) => v === '')) continue;
      report.total++;
      if (c.unitCode === EXAMPLE_UNIT_CODE) {
        problems.add(row, map.label.unitCode, 'import.example_row');
        continue;
      }
      const fullName = cleanText(c.fullName);
      if (!fullName) problems.add(row, map.label.fullName, 'import.required');
      let unitId: string | undefined;
      if (!c.unitCode) problems.add(row, map.label.unitCode, 'import.required');
      else {
        unitId = unitByCode.get(c.unitCode);
        // A unit outside the importer's authority is, as everywhere, as if absent.
        if (unitId && !can(ctx.actor, 'person.import', { unitId })) unitId = undefined;
        if (!unitId) problems.add(row, map.label.unitCode, 'import.unit_not_found', { code: c.unitCode });
      }
      let gender: Plan['gender'] = null;
      if (c.gender) {
        gender = parseGender(c.gender);
        if (!gender) problems.add(row, map.label.gender, 'import.bad_gender', { value: c.gender });
      }
      let birthYear: number | null = null;
      if (c.birthYear) {
        birthYear = parseYear(c.birthYear);
        if (birthYear === null) problems.add(row, map.label.birthYear, 'import.not_integer', { value: c.birthYear });
      }
      const candidate = {
        unitId: unitId ?? 'x',
        fullName: fullName || 'x',
        ...(c.position ? { position: c.position } : {}),
        ...(c.email ? { email: c.email } : {}),
        ...(c.phone ? { phone: c.phone } : {}),
        ...(birthYear !== null ? { birthYear } : {}),
      };
      checkAgainstContract(
        CreatePersonBody,
        candidate,
        { fullName: 'fullName', position: 'position', email: 'email', phone: 'phone', birthYear: 'birthYear' },
        map.label,
        row,
        problems,
        c,
      );
      if (!unitId || !fullName) continue;
      const key = identity(unitId, fullName, c.email);
      const first = firstRowOf.get(key);
      if (first !== undefined) {
        problems.add(row, map.label.fullName, 'import.duplicate_person', { other: first });
        continue;
      }
      firstRowOf.set(key, row);
      plans.push({
        row,
        unitId,
        unitCode: c.unitCode,
        fullName,
        position: c.position || null,
        email: c.email || null,
        phone: c.phone || null,
        gender,
        birthYear,
      });
    }
    if (report.total === 0) problems.add(2, undefined, 'import.empty');

    const unitIds = [...new Set(plans.map((p) => p.unitId))];
    const existingByKey = new Map<string, PersonRow[]>();
    if (unitIds.length) {
      for (const p of await peopleOfUnits(tx, unitIds)) {
        const key = identity(p.unitId, p.fullName, p.email);
        existingByKey.set(key, [...(existingByKey.get(key) ?? []), p]);
      }
    }
    const inserts: NewPersonRow[] = [];
    const updates: { before: PersonRow; set: Partial<PersonRow> }[] = [];
    for (const p of plans) {
      const matches = existingByKey.get(identity(p.unitId, p.fullName, p.email)) ?? [];
      if (matches.length > 1) {
        problems.add(p.row, map.label.fullName, 'import.person_ambiguous', { count: matches.length, name: p.fullName });
        continue;
      }
      const ex = matches[0];
      if (!ex) {
        const values = {
          id: newId('pe'),
          unitId: p.unitId,
          fullName: p.fullName,
          position: p.position,
          email: p.email,
          phone: p.phone,
          gender: p.gender,
          birthYear: p.birthYear,
        };
        inserts.push({ ...values, searchKey: personKey(values) });
        continue;
      }
      const set: Partial<PersonRow> = {};
      if (p.position && !sameText(p.position, ex.position)) set.position = p.position;
      if (p.phone && !sameText(p.phone, ex.phone)) set.phone = p.phone;
      if (p.gender && p.gender !== ex.gender) set.gender = p.gender;
      if (p.birthYear !== null && p.birthYear !== ex.birthYear) set.birthYear = p.birthYear;
      if (Object.keys(set).length) {
        updates.push({ before: ex, set });
        const fields: ImportFieldChange[] = [];
        const l = map.label;
        if (set.position) fields.push({ field: l.position, before: shown(ex.position), after: set.position });
        if (set.phone) fields.push({ field: l.phone, before: shown(ex.phone), after: set.phone });
        if (set.gender)
          fields.push({
            field: l.gender,
            before: labelOf(GENDER_LABELS, ex.gender),
            after: labelOf(GENDER_LABELS, set.gender),
          });
        if (set.birthYear !== undefined)
          fields.push({ field: l.birthYear, before: shown(ex.birthYear), after: shown(set.birthYear) });
        report.changes.push({ row: p.row, record: `${ex.fullName} — ${p.unitCode}`, fields });
      } else report.unchanged++;
    }
    if (problems.list.length) return { report: { ...report, unchanged: 0, changes: [] }, problems: problems.list };
    report.created = inserts.length;
    report.updated = updates.length;
    if (opts.dryRun) return { report, problems: [] };

    await insertInSlices(inserts, (slice) => insertPeople(tx, slice));
    for (const u of updates) {
      const merged = { ...u.before, ...u.set };
      await updatePersonRow(tx, u.before.id, { ...u.set, searchKey: personKey(merged), updatedAt: new Date() });
    }
    report.committed = true;
    await recordAudit(tx, ctx, {
      action: 'people.import',
      objectType: 'person',
      objectId: null,
      after: auditSummary(report, sheet, opts),
    });
    return { report, problems: [] };
  });
}
