/**
 * Awards (issue 9): the catalogue and who may grant what (dated data), base salaries and public
 * holidays, each authority's award settings, blockers on nominees, award dossiers and their
 * documents, the numbering registers, the council and its votes, public posting with objections,
 * decisions and the award register. Money is whole VND (bigint); ratios and coefficients numeric.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { timestamps, version } from './columns.ts';
import { campaigns } from './campaigns.ts';
import { files } from './files.ts';
import { people } from './people.ts';
import { submissions } from './submissions.ts';
import { units } from './units.ts';
import { users } from './users.ts';

/** A form of commendation or an emulation title (Law 06/2022 Art. 9, 80). */
export const awardTypes = pgTable(
  'award_types',
  {
    id: text().primaryKey(),
    /** Stable code integrators use (e.g. `giay_khen_individual`). */
    code: text().notNull(),
    name: text().notNull(),
    /** 'commendation' (Giấy khen, Bằng khen), 'title' (Lao động tiên tiến …), 'flag' (Cờ thi đua). */
    form: text().notNull(),
    /** 'individual' | 'collective' | 'household'. */
    recipientKind: text().notNull(),
    /** Bonus = coefficient × base salary in force on the decision date. */
    bonusCoefficient: numeric({ precision: 6, scale: 3 }).notNull().default('0'),
    /** Whether it needs a recognised initiative (Chiến sĩ thi đua cơ sở). */
    requiresInitiative: boolean().notNull().default(false),
    /** Share of all council members that must vote in favour, when higher than the authority's (e.g. 0.9). */
    voteThreshold: numeric({ precision: 5, scale: 4 }),
    description: text().notNull().default(''),
    displayOrder: integer().notNull().default(0),
    archived: boolean().notNull().default(false),
    ...timestamps,
    ...version,
  },
  (t) => [uniqueIndex('award_types_code_uq').on(t.code)],
);

/** Who may grant an award type: dated rows of the authority matrix (Law Art. 80; the 2025 reform). */
export const grantPowers = pgTable(
  'grant_powers',
  {
    id: text().primaryKey(),
    awardTypeId: text()
      .notNull()
      .references(() => awardTypes.id),
    /** 'commune' | 'province_department' | 'province' | 'district' (until 30 Jun 2025). */
    grantorLevel: text().notNull(),
    /** The legal article, quoted in refusals (e.g. "Điều 80 khoản 5 Luật Thi đua, khen thưởng 2022"). */
    legalReference: text().notNull().default(''),
    validFrom: date({ mode: 'string' }).notNull(),
    validTo: date({ mode: 'string' }),
    ...timestamps,
    ...version,
  },
  (t) => [index('grant_powers_type_idx').on(t.awardTypeId, t.grantorLevel, t.validFrom)],
);

/** Lương cơ sở by date (Decree 73/2024: 2,340,000 VND from 1 Jul 2024). */
export const baseSalaries = pgTable('base_salaries', {
  id: text().primaryKey(),
  amount: bigint({ mode: 'number' }).notNull(),
  validFrom: date({ mode: 'string' }).notNull().unique(),
  legalReference: text().notNull().default(''),
  ...timestamps,
  ...version,
});

/** Public holidays (Tết …) that working-day counts skip, besides Saturdays and Sundays. */
export const publicHolidays = pgTable('public_holidays', {
  day: date({ mode: 'string' }).primaryKey(),
  name: text().notNull(),
  createdAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** One row per authority unit: its level in the authority matrix and its council's rules. */
export const awardSettings = pgTable('award_settings', {
  authorityUnitId: text()
    .primaryKey()
    .references(() => units.id),
  grantorLevel: text().notNull(),
  /** Share of members that must be present (default 2/3). */
  quorum: numeric({ precision: 5, scale: 4 }).notNull().default('0.6667'),
  /** Share of ALL members that must vote in favour (default: more than half). */
  threshold: numeric({ precision: 5, scale: 4 }).notNull().default('0.5'),
  /** Whether the threshold must be exceeded (">" 50 %) or only reached (">="). */
  thresholdStrict: boolean().notNull().default(true),
  postingWorkingDays: integer().notNull().default(10),
  /** Bonuses are rounded up to a multiple of this (VND); 1 = no rounding. */
  bonusRoundingStep: integer().notNull().default(1000),
  /** The grantor's title line of decisions, e.g. "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ THẠCH HẢI". */
  grantorTitle: text().notNull().default(''),
  /** Short code of the issuing body in document numbers ("UBND" in "12/QĐ-UBND"). */
  issuerCode: text().notNull().default('UBND'),
  place: text().notNull().default(''),
  ...timestamps,
  ...version,
});

/** Pending discipline, investigation, inspection or complaint: no award and no proposal upward while open. */
export const awardBlockers = pgTable(
  'award_blockers',
  {
    id: text().primaryKey(),
    unitId: text().references(() => units.id),
    personId: text().references(() => people.id),
    /** 'discipline' | 'investigation' | 'inspection' | 'complaint'. */
    kind: text().notNull(),
    reason: text().notNull(),
    since: date({ mode: 'string' }).notNull(),
    liftedAt: timestamp({ withTimezone: true, mode: 'date' }),
    liftedBy: text().references(() => users.id),
    liftReason: text(),
    createdBy: text().references(() => users.id),
    ...timestamps,
    ...version,
  },
  (t) => [index('award_blockers_unit_idx').on(t.unitId), index('award_blockers_person_idx').on(t.personId)],
);

/** The award types a campaign leads to (the seed: Giấy khen for collectives and individuals). */
export const campaignAwardTypes = pgTable(
  'campaign_award_types',
  {
    campaignId: text()
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    awardTypeId: text()
      .notNull()
      .references(() => awardTypes.id),
    position: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.awardTypeId] })],
);

/**
 * Document numbers: one series per issuing body, year and series ('QĐ' decisions, 'TTr' proposal
 * letters, 'BB' council minutes, 'TN' receipts), starting at 1. `lib/registers.ts` takes the next.
 */
export const documentRegisters = pgTable(
  'document_registers',
  {
    issuerUnitId: text()
      .notNull()
      .references(() => units.id),
    year: integer().notNull(),
    series: text().notNull(),
    lastNumber: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.issuerUnitId, t.year, t.series] })],
);

/** An award dossier: one nominee (a unit, or a person) proposed for one award type in one campaign. */
export const dossiers = pgTable(
  'dossiers',
  {
    id: text().primaryKey(),
    campaignId: text()
      .notNull()
      .references(() => campaigns.id),
    /** The authority handling it now: the campaign's, or the higher one it was forwarded to. */
    authorityUnitId: text()
      .notNull()
      .references(() => units.id),
    /** 'unit' | 'person'. */
    nomineeKind: text().notNull(),
    /** The nominee unit, or the person's unit (whose head files it). */
    unitId: text()
      .notNull()
      .references(() => units.id),
    personId: text().references(() => people.id),
    awardTypeId: text()
      .notNull()
      .references(() => awardTypes.id),
    /** The accepted self-assessment the achievement rests on. */
    submissionId: text().references(() => submissions.id),
    achievement: text().notNull().default(''),
    status: text().notNull().default('draft'),
    submittedAt: timestamp({ withTimezone: true, mode: 'date' }),
    submittedBy: text().references(() => users.id),
    /** Receipt register number and the text printed on the receipt ("15/TN-UBND"). */
    receiptNumber: text(),
    receivedAt: timestamp({ withTimezone: true, mode: 'date' }),
    receivedBy: text().references(() => users.id),
    /** The desk's completeness checklist: item key → checked. */
    checklist: jsonb().$type<Record<string, boolean>>().notNull().default({}),
    /** Every return for supplement, oldest first: reasons, who and when. */
    returns: jsonb()
      .$type<{ reasons: string[]; note: string; returnedAt: string; returnedBy: string }[]>()
      .notNull()
      .default([]),
    /** The council's outcome, set when its meeting closes. */
    decidedAt: timestamp({ withTimezone: true, mode: 'date' }),
    decisionId: text(),
    /** Forwarded upward: the dossier at the higher authority, and, on that one, the dossier it came from. */
    forwardedToId: text(),
    forwardedFromId: text(),
    createdBy: text().references(() => users.id),
    ...timestamps,
    ...version,
  },
  (t) => [
    index('dossiers_campaign_idx').on(t.campaignId, t.status),
    index('dossiers_authority_idx').on(t.authorityUnitId, t.status, t.submittedAt),
    index('dossiers_unit_idx').on(t.unitId),
    index('dossiers_person_idx').on(t.personId),
    /**
     * One achievement, one award: one live dossier per nominee, campaign and authority (a rejected one
     * may be followed by another; a forwarded one has its copy at the higher authority).
     */
    uniqueIndex('dossiers_one_per_nominee_uq')
      .on(t.campaignId, t.authorityUnitId, t.unitId, sql`coalesce(${t.personId}, '')`)
      .where(sql`${t.status} <> 'rejected'`),
  ],
);

/**
 * The documents of a dossier, one per kind ('proposal_letter' | 'achievement_report' |
 * 'meeting_minutes' | 'initiative'): a file, uploaded (signed scan) or drafted by the system (DOCX).
 */
export const dossierDocuments = pgTable(
  'dossier_documents',
  {
    dossierId: text()
      .notNull()
      .references(() => dossiers.id, { onDelete: 'cascade' }),
    kind: text().notNull(),
    fileId: text()
      .notNull()
      .references(() => files.id),
    /** 'uploaded' | 'drafted'. */
    source: text().notNull(),
    addedBy: text().references(() => users.id),
    addedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.dossierId, t.kind] })],
);

/** The emulation and commendation council of an authority, per term. */
export const councils = pgTable(
  'councils',
  {
    id: text().primaryKey(),
    authorityUnitId: text()
      .notNull()
      .references(() => units.id),
    name: text().notNull(),
    term: text().notNull(),
    validFrom: date({ mode: 'string' }).notNull(),
    validTo: date({ mode: 'string' }),
    ...timestamps,
    ...version,
  },
  (t) => [index('councils_authority_idx').on(t.authorityUnitId, t.validFrom)],
);

export const councilMembers = pgTable(
  'council_members',
  {
    councilId: text()
      .notNull()
      .references(() => councils.id, { onDelete: 'cascade' }),
    personId: text()
      .notNull()
      .references(() => people.id),
    /** 'chair' | 'vice_chair' | 'member' | 'secretary' (the secretary records and does not vote). */
    role: text().notNull(),
    position: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.councilId, t.personId] })],
);

/** A meeting of the council on a campaign's proposals. */
export const councilMeetings = pgTable(
  'council_meetings',
  {
    id: text().primaryKey(),
    councilId: text()
      .notNull()
      .references(() => councils.id),
    campaignId: text()
      .notNull()
      .references(() => campaigns.id),
    /** 'planned' → 'voting' → 'closed'. */
    status: text().notNull().default('planned'),
    heldAt: timestamp({ withTimezone: true, mode: 'date' }).notNull(),
    place: text().notNull().default(''),
    /** 'show_of_hands' | 'secret_ballot'. */
    method: text().notNull(),
    chairPersonId: text().references(() => people.id),
    secretaryPersonId: text().references(() => people.id),
    /** Quorum and threshold as applied, frozen when voting opens. */
    quorum: numeric({ precision: 5, scale: 4 }),
    threshold: numeric({ precision: 5, scale: 4 }),
    thresholdStrict: boolean(),
    minutesNumber: text(),
    closedAt: timestamp({ withTimezone: true, mode: 'date' }),
    createdBy: text().references(() => users.id),
    ...timestamps,
    ...version,
  },
  (t) => [index('council_meetings_campaign_idx').on(t.campaignId)],
);

/** Who was there; absent members may still vote in writing. */
export const meetingAttendance = pgTable(
  'meeting_attendance',
  {
    meetingId: text()
      .notNull()
      .references(() => councilMeetings.id, { onDelete: 'cascade' }),
    personId: text()
      .notNull()
      .references(() => people.id),
    present: boolean().notNull(),
    note: text().notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.personId] })],
);

/** The proposals (dossiers) put to a meeting, and their tally once it closes. */
export const meetingProposals = pgTable(
  'meeting_proposals',
  {
    meetingId: text()
      .notNull()
      .references(() => councilMeetings.id, { onDelete: 'cascade' }),
    dossierId: text()
      .notNull()
      .references(() => dossiers.id),
    position: integer().notNull().default(0),
    votesFor: integer(),
    votesAgainst: integer(),
    votesAbstain: integer(),
    /** 'passed' | 'failed', set at close. */
    result: text(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.dossierId] })],
);

/**
 * Ballots. A secret ballot is stored without the voter (personId null); who has voted is kept apart
 * in `ballotsCast` (without the choice), so nobody votes twice and nobody's choice can be read.
 */
export const votes = pgTable(
  'votes',
  {
    id: text().primaryKey(),
    meetingId: text()
      .notNull()
      .references(() => councilMeetings.id, { onDelete: 'cascade' }),
    dossierId: text()
      .notNull()
      .references(() => dossiers.id),
    personId: text().references(() => people.id),
    /** 'for' | 'against' | 'abstain'. */
    choice: text().notNull(),
    inWriting: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('votes_meeting_idx').on(t.meetingId, t.dossierId)],
);

export const ballotsCast = pgTable(
  'ballots_cast',
  {
    meetingId: text()
      .notNull()
      .references(() => councilMeetings.id, { onDelete: 'cascade' }),
    dossierId: text()
      .notNull()
      .references(() => dossiers.id),
    personId: text()
      .notNull()
      .references(() => people.id),
    recordedBy: text().references(() => users.id),
    createdAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.dossierId, t.personId] })],
);

/** The approved list posted publicly before the decision (niêm yết, lấy ý kiến). */
export const postings = pgTable(
  'postings',
  {
    id: text().primaryKey(),
    campaignId: text()
      .notNull()
      .references(() => campaigns.id),
    authorityUnitId: text()
      .notNull()
      .references(() => units.id),
    /** The dossiers listed, frozen at publication. */
    dossierIds: jsonb().$type<string[]>().notNull().default([]),
    startsOn: date({ mode: 'string' }).notNull(),
    endsOn: date({ mode: 'string' }).notNull(),
    workingDays: integer().notNull(),
    publishedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    publishedBy: text().references(() => users.id),
    ...timestamps,
    ...version,
  },
  (t) => [index('postings_campaign_idx').on(t.campaignId)],
);

/** An objection from the public to a posted list; the secretariat answers. */
export const objections = pgTable(
  'objections',
  {
    id: text().primaryKey(),
    postingId: text()
      .notNull()
      .references(() => postings.id),
    dossierId: text().references(() => dossiers.id),
    name: text().notNull(),
    contact: text().notNull(),
    content: text().notNull(),
    /** 'open' | 'answered'. */
    status: text().notNull().default('open'),
    answer: text(),
    answeredBy: text().references(() => users.id),
    answeredAt: timestamp({ withTimezone: true, mode: 'date' }),
    ...timestamps,
    ...version,
  },
  (t) => [index('objections_posting_idx').on(t.postingId, t.status)],
);

/** An award decision: drafted by the secretariat, issued by the leader. */
export const decisions = pgTable(
  'decisions',
  {
    id: text().primaryKey(),
    campaignId: text()
      .notNull()
      .references(() => campaigns.id),
    authorityUnitId: text()
      .notNull()
      .references(() => units.id),
    /** 'draft' → 'issued'. */
    status: text().notNull().default('draft'),
    subject: text().notNull(),
    /** The legal grounds (căn cứ), one per line, in order. */
    grounds: jsonb().$type<string[]>().notNull().default([]),
    recipients: jsonb().$type<string[]>().notNull().default([]),
    /** The fund the bonuses are paid from (Điều 2). */
    fundSource: text().notNull().default(''),
    /** Number in the register, and its text ("12/QĐ-UBND"), set on issue. */
    registerNumber: integer(),
    number: text(),
    decidedOn: date({ mode: 'string' }),
    /** 'own' (CHỦ TỊCH) | 'deputy' (KT. CHỦ TỊCH / PHÓ CHỦ TỊCH). */
    signingCapacity: text().notNull().default('own'),
    signerName: text().notNull().default(''),
    /** Base salary and rounding as applied on issue. */
    baseSalary: bigint({ mode: 'number' }),
    roundingStep: integer(),
    /** Why it was issued before the posting period ended (the leader's record), if it was. */
    earlyIssueReason: text(),
    signedFileId: text().references(() => files.id),
    issuedAt: timestamp({ withTimezone: true, mode: 'date' }),
    issuedBy: text().references(() => users.id),
    createdBy: text().references(() => users.id),
    ...timestamps,
    ...version,
  },
  (t) => [index('decisions_campaign_idx').on(t.campaignId, t.status)],
);

/** The award register (Law Art. 89): every award of an issued decision. */
export const awards = pgTable(
  'awards',
  {
    id: text().primaryKey(),
    decisionId: text()
      .notNull()
      .references(() => decisions.id),
    dossierId: text()
      .notNull()
      .references(() => dossiers.id),
    campaignId: text()
      .notNull()
      .references(() => campaigns.id),
    awardTypeId: text()
      .notNull()
      .references(() => awardTypes.id),
    issuerUnitId: text()
      .notNull()
      .references(() => units.id),
    unitId: text()
      .notNull()
      .references(() => units.id),
    personId: text().references(() => people.id),
    /** The name as printed in the decision (kept even if the person or unit is renamed). */
    recipientName: text().notNull(),
    decisionNumber: text().notNull(),
    decidedOn: date({ mode: 'string' }).notNull(),
    coefficient: numeric({ precision: 6, scale: 3 }).notNull(),
    baseSalary: bigint({ mode: 'number' }).notNull(),
    amount: bigint({ mode: 'number' }).notNull(),
    revokedAt: timestamp({ withTimezone: true, mode: 'date' }),
    revokedBy: text().references(() => users.id),
    revocationReason: text(),
    ...timestamps,
    ...version,
  },
  (t) => [
    uniqueIndex('awards_dossier_uq').on(t.dossierId),
    index('awards_unit_idx').on(t.unitId, t.decidedOn),
    index('awards_person_idx').on(t.personId, t.decidedOn),
    index('awards_campaign_idx').on(t.campaignId),
  ],
);
