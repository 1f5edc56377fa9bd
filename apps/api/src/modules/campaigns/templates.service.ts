/**
 * Campaign templates: the bundled ones (shipped as JSON beside this module, read-only) and the
 * saved ones (imported documents, in campaign_templates). A template is checked twice: by its
 * TypeBox schema at the route (pointers like /criteria/3/threshold) and here for the rules a
 * schema cannot say (a ratio threshold within 0–100, unique codes, dates in order, known units).
 */
import fs from 'node:fs';
import {
  CAMPAIGN_TEMPLATE_FORMAT,
  CAMPAIGN_TEMPLATE_VERSION,
  reminderDaysProblems,
  scoringProblems,
  unitGroupProblems,
  type CampaignTemplate,
  type CampaignTemplateRecord,
  type CampaignTemplateSummary,
  type Campaign,
} from '@thidua/contract';
import type { Db, Executor } from '../../db/client.ts';
import type { Ctx } from '../../lib/context.ts';
import { Conflict, Invalid, NotFound, type FieldProblem } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { recordAudit } from '../audit/index.ts';
import { dateProblems } from './dates.ts';
import { criteriaListProblems } from './criteria.service.ts';
import { listCriteriaRows } from './criteria.repository.ts';
import { findUnitsByCodes, findUnitsByIds } from './campaigns.repository.ts';
import {
  deleteTemplateRow,
  findSavedTemplateRow,
  insertTemplateRow,
  listSavedTemplateRows,
} from './templates.repository.ts';
import { criterionBody, toSavedTemplateSummary, toTemplateCampaign, toTemplateSummary } from './campaigns.mapper.ts';

/** Bundled templates: id → file beside this module. Ids are stable; the API and the web refer to them. */
const BUNDLED_FILES: Record<string, string> = {
  'bundled-cchc-2022': 'cchc-2022.vi.json',
};

function loadBundled(): Map<string, CampaignTemplate> {
  const out = new Map<string, CampaignTemplate>();
  for (const [id, file] of Object.entries(BUNDLED_FILES)) {
    out.set(id, JSON.parse(fs.readFileSync(new URL(`./bundled/${file}`, import.meta.url), 'utf8')) as CampaignTemplate);
  }
  return out;
}
const BUNDLED = loadBundled();

export function bundledTemplates(): Map<string, CampaignTemplate> {
  return BUNDLED;
}

/** A deep copy, so callers cannot change the bundled documents held in memory. */
function copy<T>(value: T): T {
  return structuredClone(value);
}

export async function findTemplateDocument(db: Executor, id: string): Promise<CampaignTemplate | null> {
  const bundled = BUNDLED.get(id);
  if (bundled) return copy(bundled);
  const row = await findSavedTemplateRow(db, id);
  return row ? (row.document as CampaignTemplate) : null;
}

export async function listTemplates(db: Executor): Promise<CampaignTemplateSummary[]> {
  const saved = await listSavedTemplateRows(db);
  return [
    ...[...BUNDLED].map(([id, doc]) => toTemplateSummary(id, 'bundled', doc, null)),
    ...saved.map(toSavedTemplateSummary),
  ];
}

export async function getTemplate(db: Executor, id: string): Promise<CampaignTemplateRecord> {
  const bundled = BUNDLED.get(id);
  if (bundled) return { ...toTemplateSummary(id, 'bundled', bundled, null), document: copy(bundled) };
  const row = await findSavedTemplateRow(db, id);
  if (!row) throw NotFound('template');
  return { ...toSavedTemplateSummary(row), document: row.document as CampaignTemplate };
}

/** The rules beyond the schema, with pointers into the document. */
export async function templateProblems(db: Executor, doc: CampaignTemplate): Promise<FieldProblem[]> {
  const out: FieldProblem[] = criteriaListProblems(doc.criteria, '/criteria');
  const c = doc.campaign;
  if (c.startsOn && c.endsOn) {
    out.push(
      ...dateProblems(
        {
          startsOn: c.startsOn,
          endsOn: c.endsOn,
          submissionDeadline: c.submissionDeadline ?? c.endsOn,
          dossierDeadline: c.dossierDeadline ?? null,
        },
        '/campaign',
      ),
    );
  }
  if (c.scoring) for (const p of scoringProblems(c.scoring)) out.push({ ...p, field: `/campaign/scoring${p.field}` });
  if (c.reminderDaysBefore)
    for (const p of reminderDaysProblems(c.reminderDaysBefore))
      out.push({ ...p, field: `/campaign/reminderDaysBefore${p.field}` });
  const groups = c.unitGroups ?? [];
  // Groups name their units by code: the same rules as on a campaign, pointing at unitCodes.
  for (const p of unitGroupProblems(groups.map((g) => ({ code: g.code, name: g.name, unitIds: g.unitCodes }))))
    out.push({ ...p, field: `/campaign/unitGroups${p.field.replace('/unitIds/', '/unitCodes/')}` });
  const named: [string, string][] = [
    ...(c.participantUnitCodes ?? []).map((code, i): [string, string] => [`/campaign/participantUnitCodes/${i}`, code]),
    ...groups.flatMap((g, i) =>
      g.unitCodes.map((code, j): [string, string] => [`/campaign/unitGroups/${i}/unitCodes/${j}`, code]),
    ),
  ];
  if (named.length) {
    const known = new Set((await findUnitsByCodes(db, [...new Set(named.map(([, code]) => code))])).map((u) => u.code));
    for (const [field, code] of named) if (!known.has(code)) out.push({ field, code: 'template.unit_code_unknown' });
  }
  return out;
}

export async function importTemplate(db: Db, ctx: Ctx, doc: CampaignTemplate): Promise<CampaignTemplateRecord> {
  return db.transaction(async (tx) => {
    const problems = await templateProblems(tx, doc);
    if (problems.length) throw Invalid(problems, 'template.invalid');
    const id = newId('tp');
    const row = await insertTemplateRow(tx, {
      id,
      name: doc.name,
      description: doc.description ?? null,
      document: doc,
      createdBy: ctx.actor?.userId ?? null,
    });
    const record = { ...toTemplateSummary(id, 'saved', doc, row.createdAt), document: doc };
    await recordAudit(tx, ctx, {
      action: 'template.import',
      objectType: 'campaign_template',
      objectId: id,
      after: toTemplateSummary(id, 'saved', doc, row.createdAt),
    });
    return record;
  });
}

export async function deleteTemplate(db: Db, ctx: Ctx, id: string): Promise<void> {
  if (BUNDLED.has(id)) throw Conflict('template.bundled_readonly');
  await db.transaction(async (tx) => {
    const row = await deleteTemplateRow(tx, id);
    if (!row) throw NotFound('template');
    await recordAudit(tx, ctx, {
      action: 'template.delete',
      objectType: 'campaign_template',
      objectId: id,
      before: toSavedTemplateSummary(row),
    });
  });
}

/**
 * A campaign as a versioned template document: its plan text, participants and named groups by
 * unit code, dates, scoring rules and criteria (with their weights).
 */
export async function exportCampaign(db: Executor, c: Campaign): Promise<CampaignTemplate> {
  const ids = [...new Set([...c.participants.unitIds, ...c.unitGroups.flatMap((g) => g.unitIds)])];
  const codes = ids.length ? await findUnitsByIds(db, ids) : [];
  const campaign = toTemplateCampaign(c, new Map(codes.map((u) => [u.id, u.code])));
  return {
    format: CAMPAIGN_TEMPLATE_FORMAT,
    version: CAMPAIGN_TEMPLATE_VERSION,
    name: c.title.slice(0, 300),
    description: `Xuất từ kế hoạch số ${c.number} (${c.authorityName}).`,
    campaign,
    criteria: (await listCriteriaRows(db, c.id)).map(criterionBody),
  };
}
