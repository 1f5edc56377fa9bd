/**
 * Scoring rules of a campaign, as data: criterion weights live on the criteria; the penalties, the
 * bands and the tie-break chain live here. Editable while the campaign is a draft, frozen once it
 * opens; exported and imported with the campaign's template.
 */
import Type, { type Static } from 'typebox';
import { StringEnum } from './common.ts';

export const PENALTY_KINDS = ['open_finding', 'late_submission'] as const;
export type PenaltyKind = (typeof PENALTY_KINDS)[number];
export const PenaltyKind = StringEnum(PENALTY_KINDS, {
  description:
    'open_finding: per inspection finding not remedied by its due date; late_submission: once, when the first submission came after the deadline',
});

export const PenaltyRule = Type.Object(
  {
    kind: PenaltyKind,
    points: Type.Number({ minimum: 0, maximum: 1000, description: 'Points taken off per occurrence', examples: [2] }),
  },
  { additionalProperties: false },
);
export type PenaltyRule = Static<typeof PenaltyRule>;

export const ScoreBand = Type.Object(
  {
    label: Type.String({ minLength: 1, maxLength: 100, examples: ['Xuất sắc'] }),
    minPoints: Type.Number({ description: 'Lowest total that reaches this band', examples: [90] }),
  },
  { additionalProperties: false },
);
export type ScoreBand = Static<typeof ScoreBand>;

export const TIE_BREAKS = ['total', 'criteria_met', 'fewer_open_findings', 'earlier_first_submission'] as const;
export type TieBreak = (typeof TIE_BREAKS)[number];
export const TieBreak = StringEnum(TIE_BREAKS, {
  description:
    'total: higher total first; criteria_met: more criteria met first; fewer_open_findings: fewer unremedied findings first; earlier_first_submission: earlier first submission first',
});

export const ScoringRules = Type.Object(
  {
    penalties: Type.Array(PenaltyRule, { maxItems: 10 }),
    bands: Type.Array(ScoreBand, { maxItems: 10, description: 'Bands, highest first; empty: no bands' }),
    tieBreak: Type.Array(TieBreak, { maxItems: TIE_BREAKS.length, description: 'Order in which ties are broken' }),
  },
  { additionalProperties: false },
);
export type ScoringRules = Static<typeof ScoringRules>;

/** What a campaign starts with: no penalties, the four usual bands, the default tie-break chain. */
export const DEFAULT_SCORING_RULES: ScoringRules = {
  penalties: [],
  bands: [
    { label: 'Xuất sắc', minPoints: 90 },
    { label: 'Tốt', minPoints: 80 },
    { label: 'Khá', minPoints: 65 },
    { label: 'Trung bình', minPoints: 0 },
  ],
  tieBreak: [...TIE_BREAKS],
};

/** A named group of units ranked apart (khối/cụm thi đua), defined on the campaign. */
export const UnitGroup = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 32, pattern: '^[0-9A-Za-z][0-9A-Za-z._-]*$', examples: ['CUM-1'] }),
    name: Type.String({ minLength: 1, maxLength: 200, examples: ['Cụm thi đua số 1'] }),
    unitIds: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 10_000 }),
  },
  { additionalProperties: false },
);
export type UnitGroup = Static<typeof UnitGroup>;
