/** Campaigns (the plan as data) and the files attached to them. */
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { DEFAULT_SCORING_RULES, type ScoringRules, type UnitGroup } from '@thidua/contract';
import { timestamps, version } from './columns.ts';
import { units } from './units.ts';
import { users } from './users.ts';

export const campaigns = pgTable(
  'campaigns',
  {
    id: text().primaryKey(),
    number: text().notNull(),
    title: text().notNull(),
    status: text().notNull().default('draft'),
    authorityUnitId: text()
      .notNull()
      .references(() => units.id),
    authorityHeading: text(),
    place: text(),
    issuedOn: date({ mode: 'string' }),
    legalBasis: text().notNull().default(''),
    purposes: jsonb().$type<string[]>().notNull().default([]),
    requirements: jsonb().$type<string[]>().notNull().default([]),
    participantsText: jsonb().$type<string[]>().notNull().default([]),
    collectiveContents: jsonb().$type<string[]>().notNull().default([]),
    individualContents: jsonb().$type<string[]>().notNull().default([]),
    awardProvisions: jsonb().$type<string[]>().notNull().default([]),
    implementation: jsonb().$type<string[]>().notNull().default([]),
    closing: text().notNull().default(''),
    startsOn: date({ mode: 'string' }).notNull(),
    endsOn: date({ mode: 'string' }).notNull(),
    submissionDeadline: date({ mode: 'string' }).notNull(),
    dossierDeadline: date({ mode: 'string' }),
    /** Unit kinds whose every non-archived unit takes part. */
    participantKinds: jsonb().$type<string[]>().notNull().default([]),
    /** Named units taking part besides those kinds (units are archived, never deleted once used). */
    participantUnitIds: jsonb().$type<string[]>().notNull().default([]),
    individualsTakePart: boolean().notNull().default(false),
    signerOnBehalfOf: text(),
    signerTitle: text().notNull().default(''),
    signerName: text().notNull().default(''),
    recipients: jsonb().$type<string[]>().notNull().default([]),
    /** Penalties, bands and tie-break chain (criterion weights are on the criteria); frozen once open. */
    scoring: jsonb().$type<ScoringRules>().notNull().default(DEFAULT_SCORING_RULES),
    /** Named groups of units ranked apart (khối/cụm thi đua), besides ranking by unit kind. */
    unitGroups: jsonb().$type<UnitGroup[]>().notNull().default([]),
    /** Four-eyes: a second reviewer confirms the first one's scores before accept. */
    requireSecondReviewer: boolean().notNull().default(false),
    /** Days before the submission deadline on which units that have not submitted are reminded. */
    reminderDaysBefore: jsonb().$type<number[]>().notNull().default([7, 2]),
    /** Whether the system opens the campaign on startsOn and closes it after the deadline. */
    followsDates: boolean().notNull().default(true),
    /** A thematic campaign (chuyên đề): its awards are not grounds for higher awards for merit. */
    thematic: boolean().notNull().default(true),
    templateId: text(),
    clonedFromId: text(),
    createdBy: text().references(() => users.id),
    openedAt: timestamp({ withTimezone: true, mode: 'date' }),
    /** When the office let self-assessments start before startsOn, on purpose (null: they start on startsOn). */
    selfAssessmentOpenedEarlyAt: timestamp({ withTimezone: true, mode: 'date' }),
    closedAt: timestamp({ withTimezone: true, mode: 'date' }),
    finalizedAt: timestamp({ withTimezone: true, mode: 'date' }),
    archivedAt: timestamp({ withTimezone: true, mode: 'date' }),
    searchKey: text().notNull(),
    ...timestamps,
    ...version,
  },
  (t) => [
    index('campaigns_search_trgm').using('gin', t.searchKey.op('gin_trgm_ops')),
    index('campaigns_status_idx').on(t.status, t.startsOn),
    index('campaigns_starts_idx').on(t.startsOn, t.id),
  ],
);

/**
 * Files attached to a campaign (the signed plan …), in order. file_id gets its foreign key when the
 * files table lands.
 */
export const campaignAttachments = pgTable(
  'campaign_attachments',
  {
    campaignId: text()
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    fileId: text().notNull(),
    position: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.fileId] }), index('campaign_attachments_file_idx').on(t.fileId)],
);
