/** Rows of the scoreboard query → the contract's ScoreboardRow; the band a total reaches. */
import type { ScoreBand, ScoreboardRow, ScoreboardSubmissionStatus, UnitKind } from '@thidua/contract';
import type { ScoreboardDbRow } from './scoreboard.repository.ts';

/** The highest band whose minimum the total reaches (bands in any order); null below them all or without bands. */
export function bandOf(total: number, bands: readonly ScoreBand[]): string | null {
  let best: ScoreBand | null = null;
  for (const b of bands) if (total >= b.minPoints && (!best || b.minPoints > best.minPoints)) best = b;
  return best?.label ?? null;
}

const iso = (v: Date | string | null): string | null => (v === null ? null : new Date(v).toISOString());

export function toScoreboardRow(
  r: ScoreboardDbRow,
  opts: {
    criteriaTotal: number;
    bands: readonly ScoreBand[];
    grouped: boolean;
    groupName: (code: string | null, name: string | null) => string | null;
  },
): ScoreboardRow {
  const name = opts.groupName(r.group_code, r.group_name);
  return {
    rank: Number(r.rank),
    group: opts.grouped && r.group_code !== null ? { code: r.group_code, name: name ?? r.group_code } : null,
    unit: { id: r.unit_id, code: r.unit_code, name: r.unit_name, kind: r.unit_kind as UnitKind },
    person: r.person_id ? { id: r.person_id, fullName: r.person_name ?? '' } : null,
    submissionStatus: (r.status ?? 'not_started') as ScoreboardSubmissionStatus,
    firstSubmittedAt: iso(r.first_submitted_at),
    total: Number(r.total),
    weightedScore: Number(r.weighted_score),
    criteriaMet: Number(r.criteria_met),
    criteriaReviewed: Number(r.criteria_reviewed),
    criteriaTotal: opts.criteriaTotal,
    penalties: { openFindings: Number(r.open_findings), late: Boolean(r.late), points: Number(r.penalty_points) },
    // Nothing reviewed yet: no band to speak of (a unit that has not started is not "Trung bình").
    band: Number(r.criteria_reviewed) > 0 ? bandOf(Number(r.total), opts.bands) : null,
  };
}
