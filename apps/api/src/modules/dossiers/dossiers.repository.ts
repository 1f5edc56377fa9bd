/**
 * Reading dossiers as the contract's Dossier: the row with its campaign, authority, nominee and
 * award type names, and its documents with their files. One loader serves the dossier module, the
 * reception desk, the council and decisions, so every screen shows a dossier the same way.
 */
import { aliasedTable, asc, eq, inArray } from 'drizzle-orm';
import {
  DOSSIER_DOCUMENT_KINDS,
  REQUIRED_DOSSIER_DOCUMENTS,
  type Dossier,
  type DossierDocument,
  type DossierDocumentKind,
} from '@thidua/contract';
import type { Executor } from '../../db/client.ts';
import { awardTypes, campaigns, dossierDocuments, dossiers, files, people, units } from '../../db/schema/index.ts';
import { todayInVietnam } from '../campaigns/index.ts';
import { toFileInfo } from '../files/index.ts';
import { grantPowerOf } from './dossiers.power.ts';

export type DossierRow = typeof dossiers.$inferSelect;

const authorities = aliasedTable(units, 'authority');

/** The documents a dossier needs: the three of every dossier, and the initiative when the award type asks for one. */
export function requiredDocuments(requiresInitiative: boolean): DossierDocumentKind[] {
  return requiresInitiative ? [...REQUIRED_DOSSIER_DOCUMENTS, 'initiative'] : [...REQUIRED_DOSSIER_DOCUMENTS];
}

/** Dossiers by id, as the contract shapes them, in the order of `ids` (unknown ids are left out). */
export async function loadDossiers(tx: Executor, ids: readonly string[]): Promise<Dossier[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .select({
      dossier: dossiers,
      campaignTitle: campaigns.title,
      authorityName: authorities.name,
      unitName: units.name,
      personName: people.fullName,
      awardTypeName: awardTypes.name,
      requiresInitiative: awardTypes.requiresInitiative,
    })
    .from(dossiers)
    .innerJoin(campaigns, eq(campaigns.id, dossiers.campaignId))
    .innerJoin(authorities, eq(authorities.id, dossiers.authorityUnitId))
    .innerJoin(units, eq(units.id, dossiers.unitId))
    .leftJoin(people, eq(people.id, dossiers.personId))
    .innerJoin(awardTypes, eq(awardTypes.id, dossiers.awardTypeId))
    .where(inArray(dossiers.id, [...ids]));
  const docs = await tx
    .select({ doc: dossierDocuments, file: files })
    .from(dossierDocuments)
    .innerJoin(files, eq(files.id, dossierDocuments.fileId))
    .where(inArray(dossierDocuments.dossierId, [...ids]))
    .orderBy(asc(dossierDocuments.addedAt));
  const docsBy = new Map<string, DossierDocument[]>();
  for (const { doc, file } of docs) {
    const list = docsBy.get(doc.dossierId) ?? [];
    list.push({
      kind: doc.kind as DossierDocumentKind,
      source: doc.source as DossierDocument['source'],
      file: toFileInfo(file, true),
      addedAt: doc.addedAt.toISOString(),
    });
    docsBy.set(doc.dossierId, list);
  }
  // upward: the authority may not grant the type today but one above it may (one question per pair).
  const today = todayInVietnam();
  const upwardBy = new Map<string, boolean>();
  for (const r of rows) {
    const key = `${r.dossier.authorityUnitId}|${r.dossier.awardTypeId}`;
    if (!upwardBy.has(key))
      upwardBy.set(key, (await grantPowerOf(tx, r.dossier.authorityUnitId, r.dossier.awardTypeId, today)).upward);
  }
  const byId = new Map<string, Dossier>();
  for (const r of rows) {
    const d = r.dossier;
    const documents = (docsBy.get(d.id) ?? []).sort(
      (a, b) => DOSSIER_DOCUMENT_KINDS.indexOf(a.kind) - DOSSIER_DOCUMENT_KINDS.indexOf(b.kind),
    );
    const present = new Set(documents.map((x) => x.kind));
    byId.set(d.id, {
      id: d.id,
      campaignId: d.campaignId,
      campaignTitle: r.campaignTitle,
      authorityUnitId: d.authorityUnitId,
      authorityName: r.authorityName,
      nomineeKind: d.nomineeKind as Dossier['nomineeKind'],
      unitId: d.unitId,
      unitName: r.unitName,
      personId: d.personId,
      personName: r.personName,
      nomineeName: d.personId ? (r.personName ?? '') : r.unitName,
      awardTypeId: d.awardTypeId,
      awardTypeName: r.awardTypeName,
      submissionId: d.submissionId,
      achievement: d.achievement,
      status: d.status as Dossier['status'],
      documents,
      missingDocuments: requiredDocuments(r.requiresInitiative).filter((k) => !present.has(k)),
      submittedAt: d.submittedAt?.toISOString() ?? null,
      receiptNumber: d.receiptNumber,
      receivedAt: d.receivedAt?.toISOString() ?? null,
      checklist: d.checklist,
      returns: d.returns,
      decisionId: d.decisionId,
      forwardedToId: d.forwardedToId,
      forwardedFromId: d.forwardedFromId,
      upward: upwardBy.get(`${d.authorityUnitId}|${d.awardTypeId}`) ?? false,
      createdAt: d.createdAt.toISOString(),
      updatedAt: d.updatedAt.toISOString(),
      version: d.version,
    });
  }
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function loadDossier(tx: Executor, id: string): Promise<Dossier | null> {
  const [d] = await loadDossiers(tx, [id]);
  return d ?? null;
}

export async function dossierRow(tx: Executor, id: string): Promise<DossierRow | null> {
  const [row] = await tx.select().from(dossiers).where(eq(dossiers.id, id));
  return row ?? null;
}
