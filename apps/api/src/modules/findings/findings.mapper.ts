/** Finding rows as the contract's Finding, FindingStats and FindingRemedyRate. */
import {
  remediedPercent,
  type FileInfo,
  type Finding,
  type FindingRemedyRate,
  type FindingStats,
} from '@thidua/contract';
import type { FindingCounts, FindingRow, JoinedFindingRow } from './findings.repository.ts';

/** Open past its due date on `today`. */
function isOverdue(f: Pick<FindingRow, 'status' | 'dueOn'>, today: string): boolean {
  return f.status === 'open' && f.dueOn !== null && f.dueOn < today;
}

export function toFinding(r: JoinedFindingRow, files: FileInfo[], remedyFiles: FileInfo[], today: string): Finding {
  const f = r.finding;
  return {
    id: f.id,
    campaignId: f.campaignId,
    unitId: f.unitId,
    unitCode: r.unitCode,
    unitName: r.unitName,
    title: f.title,
    description: f.description,
    inspectionName: f.inspectionName,
    inspectedOn: f.inspectedOn,
    dueOn: f.dueOn,
    status: f.status as Finding['status'],
    overdue: isOverdue(f, today),
    files,
    remedy:
      f.remedyText !== null && f.remediedAt
        ? {
            text: f.remedyText,
            files: remedyFiles,
            remediedAt: f.remediedAt.toISOString(),
            remediedById: f.remediedBy,
            remediedByName: r.remediedByName,
          }
        : null,
    verifiedAt: f.verifiedAt?.toISOString() ?? null,
    verifiedById: f.verifiedBy,
    verifiedByName: r.verifiedByName,
    reopenReason: f.reopenReason,
    reopenedAt: f.reopenedAt?.toISOString() ?? null,
    createdById: f.createdBy,
    createdAt: f.createdAt.toISOString(),
    updatedAt: f.updatedAt.toISOString(),
    version: f.version,
  };
}

export function toFindingStats(s: FindingCounts | null): FindingStats {
  return {
    total: s?.total ?? 0,
    open: s?.open ?? 0,
    remedied: s?.remedied ?? 0,
    verified: s?.verified ?? 0,
    overdue: s?.overdue ?? 0,
    remediedPercent: remediedPercent(s?.verified ?? 0, s?.total ?? 0),
  };
}

export function toRemedyRate(
  r: { unitId: string; unitCode: string; unitName: string } & Omit<FindingCounts, 'overdue'>,
): FindingRemedyRate {
  return {
    unitId: r.unitId,
    unitCode: r.unitCode,
    unitName: r.unitName,
    total: r.total,
    open: r.open,
    remedied: r.remedied,
    verified: r.verified,
    remediedPercent: remediedPercent(r.verified, r.total),
  };
}
