/**
 * Campaign templates: the bundled ones (shipped as JSON beside this module, read-only) and the
 * saved ones (imported documents, in campaign_templates). A template is checked twice: by its
 * TypeBox schema at the route (pointers like /criteria/3/threshold) and here for the rules a
 * schema cannot say (a ratio threshold within 0–100, unique codes, dates in order, known units).
 */
import fs from 'node:fs';
import { asc, desc, eq, inArray } from 'drizzle-orm';
import {
  CAMPAIGN_TEMPLATE_FORMAT,
  CAMPAIGN_TEMPLATE_VERSION,
  type CampaignTemplate,
  type CampaignTemplateRecord,
  type CampaignTemplateSummary,
  type Campaign,
  type TemplateCampaign,
} from '@thidua/contract';
import { campaignTemplates, units } from '../../db/schema/index.ts';
import type { Db, Executor } from '../../db/client.ts';
import type { Ctx } from '../../lib/context.ts';
import { Conflict, Invalid, NotFound, type FieldProblem } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { recordAudit } from '../audit/index.ts';
import { dateProblems } from './dates.ts';
import { criteriaListProblems, criterionBody, listCriteriaRows } from './criteria.service.ts';

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
  const [row] = await db
    .select({ document: campaignTemplates.document })
    .from(campaignTemplates)
    .where(eq(campaignTemplates.id, id));
  return row ? (row.document as CampaignTemplate) : null;
}

function summary(
  id: string,
  source: 'bundled' | 'saved',
  doc: CampaignTemplate,
  createdAt: Date | null,
): CampaignTemplateSummary {
  return {
    id,
    source,
    name: doc.name,
    description: doc.description ?? null,
    campaignTitle: doc.campaign.title,
    criteriaCount: doc.criteria.length,
    createdAt: createdAt ? createdAt.toISOString() : null,
  };
}

export async function listTemplates(db: Executor): Promise<CampaignTemplateSummary[]> {
  const saved = await db
    .select()
    .from(campaignTemplates)
    .orderBy(desc(campaignTemplates.createdAt), asc(campaignTemplates.id));
  return [
    ...[...BUNDLED].map(([id, doc]) => summary(id, 'bundled', doc, null)),
    ...saved.map((r) => summary(r.id, 'saved', r.document as CampaignTemplate, r.createdAt)),
  ];
}

export async function getTemplate(db: Executor, id: string): Promise<CampaignTemplateRecord> {
  const bundled = BUNDLED.get(id);
  if (bundled) return { ...summary(id, 'bundled', bundled, null), document: copy(bundled) };
  const [row] = await db.select().from(campaignTemplates).where(eq(campaignTemplates.id, id));
  if (!row) throw NotFound('template');
  return {
    ...summary(row.id, 'saved', row.document as CampaignTemplate, row.createdAt),
    document: row.document as CampaignTemplate,
  };
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
  const codes = c.participantUnitCodes ?? [];
  if (codes.length) {
    const known = new Set(
      (await db.select({ code: units.code }).from(units).where(inArray(units.code, codes))).map((u) => u.code),
    );
    codes.forEach((code, i) => {
      if (!known.has(code))
        out.push({ field: `/campaign/participantUnitCodes/${i}`, code: 'template.unit_code_unknown' });
    });
  }
  return out;
}

export async function importTemplate(db: Db, ctx: Ctx, doc: CampaignTemplate): Promise<CampaignTemplateRecord> {
  return db.transaction(async (tx) => {
    const problems = await templateProblems(tx, doc);
    if (problems.length) throw Invalid(problems, 'template.invalid');
    const id = newId('tp');
    const [row] = await tx
      .insert(campaignTemplates)
      .values({
        id,
        name: doc.name,
        description: doc.description ?? null,
        document: doc,
        createdBy: ctx.actor?.userId ?? null,
      })
      .returning();
    const record = { ...summary(id, 'saved', doc, row!.createdAt), document: doc };
    await recordAudit(tx, ctx, {
      action: 'template.import',
      objectType: 'campaign_template',
      objectId: id,
      after: summary(id, 'saved', doc, row!.createdAt),
    });
    return record;
  });
}

export async function deleteTemplate(db: Db, ctx: Ctx, id: string): Promise<void> {
  if (BUNDLED.has(id)) throw Conflict('template.bundled_readonly');
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(campaignTemplates).where(eq(campaignTemplates.id, id)).returning();
    if (!row) throw NotFound('template');
    await recordAudit(tx, ctx, {
      action: 'template.delete',
      objectType: 'campaign_template',
      objectId: id,
      before: summary(row.id, 'saved', row.document as CampaignTemplate, row.createdAt),
    });
  });
}

/** A campaign as a versioned template document: its plan text, participants by unit code, dates and criteria. */
export async function exportCampaign(db: Executor, c: Campaign): Promise<CampaignTemplate> {
  const codes = c.participants.unitIds.length
    ? await db.select({ id: units.id, code: units.code }).from(units).where(inArray(units.id, c.participants.unitIds))
    : [];
  const codeOf = new Map(codes.map((u) => [u.id, u.code]));
  const campaign: TemplateCampaign = {
    title: c.title,
    authorityHeading: c.authorityHeading,
    place: c.place,
    legalBasis: c.legalBasis,
    purposes: c.purposes,
    requirements: c.requirements,
    participantsText: c.participantsText,
    contents: c.contents,
    awardProvisions: c.awardProvisions,
    implementation: c.implementation,
    closing: c.closing,
    signer: c.signer,
    recipients: c.recipients,
    participantKinds: c.participants.kinds,
    participantUnitCodes: c.participants.unitIds.map((id) => codeOf.get(id)!).filter(Boolean),
    individualsTakePart: c.participants.individualsTakePart,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    submissionDeadline: c.submissionDeadline,
    dossierDeadline: c.dossierDeadline,
  };
  return {
    format: CAMPAIGN_TEMPLATE_FORMAT,
    version: CAMPAIGN_TEMPLATE_VERSION,
    name: c.title.slice(0, 300),
    description: `Xuất từ kế hoạch số ${c.number} (${c.authorityName}).`,
    campaign,
    criteria: (await listCriteriaRows(db, c.id)).map(criterionBody),
  };
}
