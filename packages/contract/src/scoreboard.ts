/**
 * The scoreboard of a campaign (bảng tổng hợp kết quả chấm điểm, xếp hạng): every participant's
 * reviewed score, penalties, total, band and rank under the campaign's scoring rules. Provisional
 * (current review scores, whatever the submission's status) until the campaign is finalized; then
 * final (only accepted self-assessments score) and public.
 */
import Type, { type Static } from 'typebox';
import { DateTime, Id, StringEnum } from './common.ts';
import { ScoringRules } from './scoring.ts';
import { UnitKind } from './units.ts';

export const SCOREBOARD_TARGETS = ['collective', 'individual'] as const;
export type ScoreboardTarget = (typeof SCOREBOARD_TARGETS)[number];

export const SCOREBOARD_GROUP_BYS = ['none', 'kind', 'group'] as const;
export type ScoreboardGroupBy = (typeof SCOREBOARD_GROUP_BYS)[number];

/** A submission's status, or not_started for a participant without one. */
export const SCOREBOARD_SUBMISSION_STATUSES = ['not_started', 'draft', 'submitted', 'returned', 'accepted'] as const;
export type ScoreboardSubmissionStatus = (typeof SCOREBOARD_SUBMISSION_STATUSES)[number];

export const ScoreboardQuery = Type.Object(
  {
    target: Type.Optional(
      StringEnum(SCOREBOARD_TARGETS, {
        default: 'collective',
        description: 'collective: units; individual: staff who started a self-assessment',
      }),
    ),
    groupBy: Type.Optional(
      StringEnum(SCOREBOARD_GROUP_BYS, {
        default: 'none',
        description:
          "none: one ranking; kind: ranked within each unit kind (khối); group: within the campaign's named groups (cụm)",
      }),
    ),
    group: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 32,
        description: 'Only this group: a unit kind (groupBy=kind) or a group code (groupBy=group)',
        examples: ['commune'],
      }),
    ),
  },
  { additionalProperties: false },
);
export type ScoreboardQuery = Static<typeof ScoreboardQuery>;

const ScoreboardGroupRef = Type.Object(
  {
    code: Type.String({ description: 'The unit kind, or the code of a named group', examples: ['commune'] }),
    name: Type.String({ examples: ['Khối UBND xã, thị trấn'] }),
  },
  { additionalProperties: false },
);

export const ScoreboardRow = Type.Object(
  {
    rank: Type.Integer({
      minimum: 1,
      description: 'Within the group when grouped; equal on the whole tie-break chain: equal rank',
    }),
    group: Type.Union([ScoreboardGroupRef, Type.Null()], {
      description: 'The group ranked within (null when not grouped, or for units in no named group)',
    }),
    unit: Type.Object(
      { id: Id, code: Type.String(), name: Type.String(), kind: UnitKind },
      { additionalProperties: false },
    ),
    person: Type.Union(
      [Type.Object({ id: Id, fullName: Type.String() }, { additionalProperties: false }), Type.Null()],
      {
        description: 'The person assessed (individual target)',
      },
    ),
    submissionStatus: StringEnum(SCOREBOARD_SUBMISSION_STATUSES),
    firstSubmittedAt: Type.Union([DateTime, Type.Null()]),
    total: Type.Number({ description: 'weightedScore − penalties.points', examples: [87.5] }),
    weightedScore: Type.Number({ description: 'Σ score × weight over the reviewed criteria' }),
    criteriaMet: Type.Integer({ description: 'Reviewed criteria with the verdict met' }),
    criteriaReviewed: Type.Integer(),
    criteriaTotal: Type.Integer(),
    penalties: Type.Object(
      {
        openFindings: Type.Integer({ description: 'Inspection findings still open past their due date' }),
        late: Type.Boolean({ description: 'First submitted after the deadline (or the unit’s extension)' }),
        points: Type.Number({ description: 'Points taken off under the campaign’s penalty rules' }),
      },
      { additionalProperties: false },
    ),
    band: Type.Union([Type.String(), Type.Null()], {
      description: 'The highest band the total reaches (null: no bands, below them all, or nothing reviewed yet)',
    }),
  },
  { additionalProperties: false },
);
export type ScoreboardRow = Static<typeof ScoreboardRow>;

export const Scoreboard = Type.Object(
  {
    campaign: Type.Object(
      {
        id: Id,
        number: Type.String(),
        title: Type.String(),
        status: Type.String(),
        authorityName: Type.String(),
        authorityHeading: Type.Union([Type.String(), Type.Null()]),
        place: Type.Union([Type.String(), Type.Null()]),
        finalizedAt: Type.Union([DateTime, Type.Null()]),
      },
      { additionalProperties: false },
    ),
    target: StringEnum(SCOREBOARD_TARGETS),
    groupBy: StringEnum(SCOREBOARD_GROUP_BYS),
    group: Type.Union([Type.String(), Type.Null()]),
    provisional: Type.Boolean({ description: 'True until the campaign is finalized' }),
    rules: ScoringRules,
    criteriaTotal: Type.Integer(),
    maxWeightedScore: Type.Number({ description: 'Σ maxScore × weight over the target’s criteria' }),
    asOf: Type.String({
      format: 'date',
      description: 'The day findings are judged overdue against: today, or the day the campaign was finalized',
    }),
    groups: Type.Array(Type.Object({ ...ScoreboardGroupRef.properties, count: Type.Integer() }), {
      description: 'The groups of the board with their sizes (empty when not grouped)',
    }),
    rows: Type.Array(ScoreboardRow),
  },
  { additionalProperties: false },
);
export type Scoreboard = Static<typeof Scoreboard>;
