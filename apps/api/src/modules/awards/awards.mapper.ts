/** Award rows as the contract's Award and PublicAward. */
import type { Award, PublicAward } from '@thidua/contract';
import type { JoinedAwardRow } from './awards.repository.ts';

export function toAward(r: JoinedAwardRow): Award {
  const a = r.award;
  return {
    id: a.id,
    decisionId: a.decisionId,
    dossierId: a.dossierId,
    campaignId: a.campaignId,
    campaignTitle: r.campaignTitle,
    awardTypeId: a.awardTypeId,
    awardTypeName: r.awardTypeName,
    recipientKind: a.personId ? 'person' : 'unit',
    recipientName: a.recipientName,
    unitId: a.unitId,
    unitCode: r.unitCode,
    unitName: r.unitName,
    personId: a.personId,
    personName: r.personName,
    issuerUnitId: a.issuerUnitId,
    issuerName: r.issuerName,
    signerName: r.signerName || null,
    decisionNumber: a.decisionNumber,
    decidedOn: a.decidedOn,
    coefficient: Number(a.coefficient),
    baseSalary: Number(a.baseSalary),
    amount: Number(a.amount),
    revoked: a.revokedAt
      ? {
          at: a.revokedAt.toISOString(),
          byId: a.revokedBy,
          byName: r.revokedByName,
          reason: a.revocationReason ?? '',
        }
      : null,
    createdAt: a.createdAt.toISOString(),
    version: a.version,
  };
}

export function toPublicAward(r: JoinedAwardRow): PublicAward {
  const a = r.award;
  return {
    id: a.id,
    recipientKind: a.personId ? 'person' : 'unit',
    recipientName: a.recipientName,
    unitName: r.unitName,
    awardTypeName: r.awardTypeName,
    issuerName: r.issuerName,
    decisionNumber: a.decisionNumber,
    decidedOn: a.decidedOn,
  };
}
