/**
 * Scoring rules of a campaign, as data: criterion weights live on the criteria; the penalties, the
 * bands and the tie-break chain live here. Editable while the campaign is a draft, frozen once it
 * opens; exported and imported with the campaign's template.
 *
 * How a unit's result is read from them (the scoreboard follows this, `bandFor` says it in code):
 * - points = Σ over criteria of (reviewed score × criterion weight);
 * - penalties = Σ over penalty rules of (rule points × occurrences);
 * - total = points − penalties. It is not floored: penalties larger than the points give a
 *   negative total, which ranks below every other.
 * - band: the first band, highest first, whose `minPoints` the total reaches (total ≥ minPoints,
 *   `bandFor`). A total below every band has **no band** (null, shown as "Chưa xếp loại"); a
 *   campaign with no bands gives none. A last band at minPoints 0 is the "otherwise" band: it
 *   catches every total the bands above it do not (all but a negative one, where penalties exceed
 *   the points), which is how the default's 'Trung bình' reads "otherwise Trung bình".
 * - ties: the tie-break chain in order; units still tied after it share the rank.
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
    points: Type.Number({
      exclusiveMinimum: 0,
      maximum: 1000,
      description: 'Points taken off per occurrence',
      examples: [2],
    }),
  },
  { additionalProperties: false },
);
export type PenaltyRule = Static<typeof PenaltyRule>;

export const ScoreBand = Type.Object(
  {
    label: Type.String({ minLength: 1, maxLength: 100, examples: ['Xuất sắc'] }),
    minPoints: Type.Number({
      minimum: 0,
      maximum: 100_000,
      description: 'Lowest total that reaches this band; 0 on the last band: every other total (the "otherwise" band)',
      examples: [90],
    }),
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
    penalties: Type.Array(PenaltyRule, {
      maxItems: PENALTY_KINDS.length,
      description: 'At most one rule per kind',
    }),
    bands: Type.Array(ScoreBand, {
      maxItems: 10,
      description: 'Bands, highest first (minPoints strictly decreasing, labels unique); empty: no bands',
    }),
    tieBreak: Type.Array(TieBreak, {
      maxItems: TIE_BREAKS.length,
      description: 'Order in which ties are broken, each entry once; empty: ties share the rank',
    }),
  },
  { additionalProperties: false },
);
export type ScoringRules = Static<typeof ScoringRules>;

/**
 * What a campaign starts with: no penalties, the four usual bands (Xuất sắc ≥ 90, Tốt ≥ 80, Khá ≥ 65,
 * otherwise Trung bình), the default tie-break chain (total, criteria met, fewer open findings,
 * earlier first submission).
 */
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
    unitIds: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 10_000, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type UnitGroup = Static<typeof UnitGroup>;

export const UnitGroups = Type.Array(UnitGroup, {
  maxItems: 200,
  description: 'Codes unique; each unit in one group at most; units under the issuing authority, not archived',
});

/** Days before the submission deadline on which units that have not submitted are reminded. */
export const ReminderDaysBefore = Type.Array(Type.Integer({ minimum: 0, maximum: 90 }), {
  maxItems: 5,
  uniqueItems: true,
  description: 'Whole days 0–90, each once, at most 5; empty: no scheduled reminders',
  examples: [[7, 2]],
});
export const DEFAULT_REMINDER_DAYS_BEFORE: readonly number[] = [7, 2];

/** A criterion's weight: its score counts score × weight in the total. */
export const CRITERION_WEIGHT = { default: 1, max: 100 } as const;

/** The band a total falls in (see the rule at the top of this file), or null. */
export function bandFor(bands: readonly ScoreBand[], total: number): ScoreBand | null {
  return bands.find((b) => total >= b.minPoints) ?? null;
}

export interface ScoringProblem {
  /** JSON pointer relative to what was checked, e.g. `/bands/2/minPoints`. */
  field: string;
  code: string;
}

/**
 * Field problems of scoring rules that a schema cannot say: one penalty rule per kind, bands
 * strictly decreasing by minPoints with unique labels, each tie-break once. Shared by the server
 * and the browser's editor.
 */
export function scoringProblems(rules: ScoringRules): ScoringProblem[] {
  const out: ScoringProblem[] = [];
  const kinds = new Set<string>();
  rules.penalties.forEach((p, i) => {
    if (kinds.has(p.kind)) out.push({ field: `/penalties/${i}/kind`, code: 'scoring.penalty_repeated' });
    kinds.add(p.kind);
  });
  const labels = new Set<string>();
  rules.bands.forEach((b, i) => {
    const label = b.label.trim().toLocaleLowerCase('vi');
    if (!label) out.push({ field: `/bands/${i}/label`, code: 'scoring.band_label_required' });
    else if (labels.has(label)) out.push({ field: `/bands/${i}/label`, code: 'scoring.band_label_taken' });
    labels.add(label);
    const above = rules.bands[i - 1];
    if (above && !(b.minPoints < above.minPoints))
      out.push({ field: `/bands/${i}/minPoints`, code: 'scoring.bands_not_decreasing' });
  });
  const seen = new Set<string>();
  rules.tieBreak.forEach((t, i) => {
    if (seen.has(t)) out.push({ field: `/tieBreak/${i}`, code: 'scoring.tie_break_repeated' });
    seen.add(t);
  });
  return out;
}

/**
 * Field problems of named groups a schema cannot say: codes unique (ignoring case), each unit in
 * one group at most. Whether the units exist, are active and lie under the campaign's authority is
 * the server's to check.
 */
export function unitGroupProblems(groups: readonly UnitGroup[]): ScoringProblem[] {
  const out: ScoringProblem[] = [];
  const codes = new Set<string>();
  const placed = new Set<string>();
  groups.forEach((g, i) => {
    const code = g.code.toUpperCase();
    if (codes.has(code)) out.push({ field: `/${i}/code`, code: 'campaign.group_code_taken' });
    codes.add(code);
    if (!g.name.trim()) out.push({ field: `/${i}/name`, code: 'campaign.group_name_required' });
    g.unitIds.forEach((id, j) => {
      if (placed.has(id)) out.push({ field: `/${i}/unitIds/${j}`, code: 'campaign.group_unit_repeated' });
      placed.add(id);
    });
  });
  return out;
}

/** Field problems of reminder days a schema cannot say (for the editor: the schema says them too). */
export function reminderDaysProblems(days: readonly number[]): ScoringProblem[] {
  const out: ScoringProblem[] = [];
  const seen = new Set<number>();
  days.forEach((d, i) => {
    if (!Number.isInteger(d) || d < 0 || d > 90) out.push({ field: `/${i}`, code: 'campaign.reminder_day_range' });
    else if (seen.has(d)) out.push({ field: `/${i}`, code: 'campaign.reminder_day_repeated' });
    seen.add(d);
  });
  if (days.length > 5) out.push({ field: '', code: 'campaign.reminder_days_too_many' });
  return out;
}
