/**
 * Rows of the campaigns module → contract objects of @thidua/contract (campaigns, criteria,
 * enrolments, participants, templates), and the few contract bodies → columns they are stored as.
 * No queries, no rules: the repositories read, the services decide.
 */
import {
  CRITERION_WEIGHT,
  type Campaign,
  type CampaignParticipant,
  type CampaignStatus,
  type CampaignTemplate,
  type CampaignTemplateSummary,
  type Comparator,
  type CreateCriterionBody,
  type Criterion,
  type CriterionGroup,
  type CriterionKind,
  type CriterionTarget,
  type DerivedSource,
  type Enrollment,
  type TemplateCampaign,
  type UnitKind,
  type UpdateCampaignBody,
} from '@thidua/contract';
import type { campaigns } from '../../db/schema/index.ts';
import type { CampaignJoinedRow } from './campaigns.repository.ts';
import type { CriterionRow } from './criteria.repository.ts';
import type { EnrollmentJoinedRow, ParticipantRow } from './enrollments.repository.ts';
import type { TemplateRow } from './templates.repository.ts';
import { isUpcoming, yearOf } from './dates.ts';

// ---------------------------------------------------------------------------------------------
// Campaigns

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toCampaign(r: CampaignJoinedRow): Campaign {
  const c = r.campaign;
  return {
    id: c.id,
    number: c.number,
    title: c.title,
    year: yearOf(c.startsOn),
    status: c.status as CampaignStatus,
    authorityUnitId: c.authorityUnitId,
    authorityName: r.authorityName,
    issuedOn: c.issuedOn,
    authorityHeading: c.authorityHeading,
    place: c.place,
    legalBasis: c.legalBasis,
    purposes: c.purposes,
    requirements: c.requirements,
    participantsText: c.participantsText,
    contents: { collective: c.collectiveContents, individual: c.individualContents },
    awardProvisions: c.awardProvisions,
    implementation: c.implementation,
    closing: c.closing,
    signer: { onBehalfOf: c.signerOnBehalfOf, title: c.signerTitle, name: c.signerName },
    recipients: c.recipients,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    submissionDeadline: c.submissionDeadline,
    dossierDeadline: c.dossierDeadline,
    participants: {
      kinds: c.participantKinds as UnitKind[],
      unitIds: c.participantUnitIds,
      individualsTakePart: c.individualsTakePart,
    },
    // json_agg arrives parsed from pg and PGlite alike; a string would mean a driver that does not.
    attachmentFileIds:
      typeof r.attachmentFileIds === 'string' ? (JSON.parse(r.attachmentFileIds) as string[]) : r.attachmentFileIds,
    scoring: c.scoring,
    unitGroups: c.unitGroups,
    requireSecondReviewer: c.requireSecondReviewer,
    reminderDaysBefore: c.reminderDaysBefore,
    followsDates: c.followsDates,
    templateId: c.templateId,
    clonedFromId: c.clonedFromId,
    criteriaCount: r.criteriaCount,
    upcoming: isUpcoming(c),
    selfAssessmentOpenedEarlyAt: iso(c.selfAssessmentOpenedEarlyAt),
    openedAt: iso(c.openedAt),
    closedAt: iso(c.closedAt),
    finalizedAt: iso(c.finalizedAt),
    archivedAt: iso(c.archivedAt),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    version: c.version,
  };
}

/** Columns for the plan-text fields of a body (only those present). */
export function planColumns(b: Partial<UpdateCampaignBody>): Partial<typeof campaigns.$inferInsert> {
  const out: Partial<typeof campaigns.$inferInsert> = {};
  const copy = [
    'number',
    'title',
    'authorityUnitId',
    'issuedOn',
    'authorityHeading',
    'place',
    'legalBasis',
    'purposes',
    'requirements',
    'participantsText',
    'awardProvisions',
    'implementation',
    'closing',
    'recipients',
    'startsOn',
    'endsOn',
    'submissionDeadline',
    'dossierDeadline',
    'scoring',
    'unitGroups',
    'requireSecondReviewer',
    'reminderDaysBefore',
    'followsDates',
  ] as const;
  for (const k of copy) if (b[k] !== undefined) (out as Record<string, unknown>)[k] = b[k];
  if (b.contents) {
    out.collectiveContents = b.contents.collective;
    out.individualContents = b.contents.individual;
  }
  if (b.signer) {
    out.signerOnBehalfOf = b.signer.onBehalfOf;
    out.signerTitle = b.signer.title;
    out.signerName = b.signer.name;
  }
  if (b.participants) {
    out.participantKinds = b.participants.kinds;
    out.participantUnitIds = b.participants.unitIds;
    out.individualsTakePart = b.participants.individualsTakePart;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Criteria

export function toCriterion(r: CriterionRow): Criterion {
  return {
    id: r.id,
    campaignId: r.campaignId,
    code: r.code,
    target: r.target as CriterionTarget,
    group: r.group as CriterionGroup,
    title: r.title,
    guidance: r.guidance,
    kind: r.kind as CriterionKind,
    comparator: r.comparator as Comparator | null,
    threshold: r.threshold,
    derivedSource: r.derivedSource as DerivedSource | null,
    maxScore: r.maxScore,
    weight: r.weight,
    evidenceRequired: r.evidenceRequired,
    order: r.position,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}

/** A criterion body as stored: absent optional fields become null / their defaults. */
export function criterionColumns(b: CreateCriterionBody) {
  return {
    code: b.code,
    target: b.target,
    group: b.group,
    title: b.title,
    guidance: b.guidance ?? null,
    kind: b.kind,
    comparator: b.comparator ?? null,
    threshold: b.threshold ?? null,
    derivedSource: b.derivedSource ?? null,
    maxScore: b.maxScore ?? 10,
    weight: b.weight ?? CRITERION_WEIGHT.default,
    evidenceRequired: b.evidenceRequired ?? false,
  };
}

/** A stored criterion as the body that would create it again (for export and clone). */
export function criterionBody(r: CriterionRow | Criterion): CreateCriterionBody {
  const c = 'position' in r ? toCriterion(r) : r;
  const body: CreateCriterionBody = {
    code: c.code,
    target: c.target,
    group: c.group,
    title: c.title,
    guidance: c.guidance,
    kind: c.kind,
    maxScore: c.maxScore,
    weight: c.weight,
    evidenceRequired: c.evidenceRequired,
  };
  if (c.comparator !== null) body.comparator = c.comparator;
  if (c.threshold !== null) body.threshold = c.threshold;
  if (c.derivedSource !== null) body.derivedSource = c.derivedSource;
  return body;
}

// ---------------------------------------------------------------------------------------------
// Enrolments

export function toEnrollment(r: EnrollmentJoinedRow): Enrollment {
  const e = r.enrollment;
  return {
    id: e.id,
    campaignId: e.campaignId,
    unitId: e.unitId,
    unitCode: r.unitCode,
    unitName: r.unitName,
    commitment: e.commitment,
    signedFileId: e.signedFileId,
    enrolledByUserId: e.enrolledBy,
    enrolledByName: r.enrolledByName,
    enrolledAt: e.enrolledAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
    version: e.version,
  };
}

export function toParticipant(r: ParticipantRow): CampaignParticipant {
  return {
    unitId: r.unit.id,
    unitCode: r.unit.code,
    unitName: r.unit.name,
    unitKind: r.unit.kind as UnitKind,
    enrolled: Boolean(r.enrollment),
    enrollment: r.enrollment
      ? toEnrollment({
          enrollment: r.enrollment,
          unitCode: r.unit.code,
          unitName: r.unit.name,
          enrolledByName: r.enrolledByName,
        })
      : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Templates

export function toTemplateSummary(
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

/** A saved template row's summary. */
export function toSavedTemplateSummary(r: TemplateRow): CampaignTemplateSummary {
  return toTemplateSummary(r.id, 'saved', r.document as CampaignTemplate, r.createdAt);
}

/**
 * A campaign's plan as a template's campaign part: participants and the units of named groups by
 * unit code (`codeOf`: id → code), and its scoring rules.
 */
export function toTemplateCampaign(c: Campaign, codeOf: Map<string, string>): TemplateCampaign {
  return {
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
    scoring: c.scoring,
    unitGroups: c.unitGroups.map((g) => ({
      code: g.code,
      name: g.name,
      unitCodes: g.unitIds.map((id) => codeOf.get(id)!).filter(Boolean),
    })),
    requireSecondReviewer: c.requireSecondReviewer,
    reminderDaysBefore: c.reminderDaysBefore,
    followsDates: c.followsDates,
  };
}
