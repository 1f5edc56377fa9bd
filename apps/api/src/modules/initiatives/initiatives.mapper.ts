/** Initiative rows as the contract's Initiative and InitiativeAuthor. */
import type { FileInfo, Initiative, InitiativeAuthor } from '@thidua/contract';
import type { AuthorRow, JoinedInitiativeRow } from './initiatives.repository.ts';

/** Each initiative's authors, in the order of the rows. */
export function toAuthorsByInitiative(rows: readonly AuthorRow[]): Map<string, InitiativeAuthor[]> {
  const out = new Map<string, InitiativeAuthor[]>();
  for (const r of rows) {
    const list = out.get(r.initiativeId) ?? [];
    list.push({ personId: r.personId, fullName: r.fullName, position: r.position });
    out.set(r.initiativeId, list);
  }
  return out;
}

export function toInitiative(
  r: JoinedInitiativeRow,
  authors: InitiativeAuthor[],
  files: FileInfo[],
  decision: FileInfo | null,
): Initiative {
  const i = r.initiative;
  return {
    id: i.id,
    unitId: i.unitId,
    unitCode: r.unitCode,
    unitName: r.unitName,
    campaignId: i.campaignId,
    year: i.year,
    title: i.title,
    summary: i.summary,
    authors,
    files,
    status: i.status as Initiative['status'],
    recognition:
      i.status === 'recognised' && i.recognisedAt
        ? {
            authority: i.recognitionAuthority ?? '',
            decisionNumber: i.decisionNumber ?? '',
            decidedOn: i.decidedOn ?? '',
            file: decision,
            recognisedAt: i.recognisedAt.toISOString(),
            recognisedById: i.recognisedBy,
            recognisedByName: r.recognisedByName,
          }
        : null,
    createdById: i.createdBy,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
    version: i.version,
  };
}
