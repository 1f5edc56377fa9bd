/**
 * Proposals upward (Law 06/2022: an authority proposes to the one above it the awards it may not
 * grant itself). Within one installation an approved dossier is forwarded to the nearest higher
 * authority whose level may grant its award type: a copy (same campaign, nominee, award type,
 * achievement, documents) is submitted there and enters its reception queue, the original becomes
 * `forwarded`, in one transaction. The commune follows the chain. Across installations the dossier
 * is exported as a ZIP package (documents + manifest.json) and imported by the receiving desk.
 *
 * Who may read a dossier here is the permission table's answer on its nominee ('dossier.read' on
 * the nominee's unit and person): the unit's roles, the person, and the authorities above the unit
 * (a higher authority reaches the communes under it, so its people read the copy and its files).
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';
import Value from 'typebox/value';
import { strToU8, zipSync } from 'fflate';
import {
  ALLOWED_FILE_TYPES,
  DOSSIER_PACKAGE_FORMAT,
  DOSSIER_TRANSITIONS,
  DossierPackageManifest,
  type AllowedMediaType,
  type Dossier,
  type DossierDocumentKind,
  type DossierForwarding,
  type DossierPackageDocument,
  type ForwardDossierResult,
  type ForwardTarget,
} from '@thidua/contract';
import type { Db, Executor, Tx } from '../../db/client.ts';
import { dossierDocuments, dossiers, people } from '../../db/schema/index.ts';
import type { Actor } from '../../lib/actor.ts';
import type { FileAccessRule } from '../../lib/api-module.ts';
import { assertCan, can } from '../../lib/access.ts';
import type { ActorCtx } from '../../lib/context.ts';
import { Conflict, DomainError, NotFound, PreconditionFailed } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { moveState } from '../../lib/lifecycle.ts';
import { recordAudit } from '../audit/index.ts';
import { awardSettingsOf, awardTypeById, grantPowerFor, grantPowersOn } from '../award-types/index.ts';
import { todayInVietnam } from '../campaigns/index.ts';
import { assertNomineeNotBlocked, dossierRow, loadDossier, type DossierRow } from '../dossiers/index.ts';
import {
  copyFileAttachments,
  openFileContent,
  setFileAttachments,
  storeGeneratedFile,
  type BlobStore,
} from '../files/index.ts';
import { personKey } from '../people/index.ts';
import {
  authoritiesAbove,
  awardTypeByCode,
  campaignById,
  chainOf,
  councilResultOf,
  decisionsByIds,
  documentRowsOf,
  dossiersHoldingFile,
  liveDossierOf,
  personInUnitByName,
  unitById,
  unitNames,
} from './dossier-transfer.repository.ts';
import { readZip, ZipReadError, type ZipLimits } from '../../lib/zip.ts';

// ── Who reads a dossier ─────────────────────────────────────────────────────────────────────────

function canRead(actor: Actor, row: Pick<DossierRow, 'unitId' | 'personId'>): boolean {
  return can(actor, 'dossier.read', { unitId: row.unitId, personId: row.personId });
}

async function readableRow(db: Executor, actor: Actor, id: string): Promise<DossierRow> {
  const row = await dossierRow(db, id);
  if (!row || !canRead(actor, row)) throw NotFound('dossier');
  return row;
}

/** Whoever may read a dossier reads its documents (the copy at a higher authority shares the files). */
export const dossierDocumentFileAccess: FileAccessRule = async (tx, actor, file) => {
  for (const d of await dossiersHoldingFile(tx, file.id)) if (canRead(actor, d)) return true;
  return false;
};

// ── Forwarding ──────────────────────────────────────────────────────────────────────────────────

/** The legal references of the matrix rows that let some level grant the award type today. */
async function legalReferenceOf(tx: Executor, awardTypeId: string, today: string): Promise<string> {
  const refs = [...new Set((await grantPowersOn(tx, awardTypeId, today)).map((p) => p.legalReference).filter(Boolean))];
  return refs.join('; ') || 'Điều 80 Luật Thi đua, khen thưởng số 06/2022/QH15';
}

/** Where the dossier would go: nobody (its authority may grant it), the nearest higher authority that may, or none. */
async function forwardTargetOf(tx: Executor, row: DossierRow): Promise<ForwardTarget> {
  const today = todayInVietnam();
  const own = await awardSettingsOf(tx, row.authorityUnitId);
  const ownPower = await grantPowerFor(tx, own.grantorLevel, row.awardTypeId, today);
  if (ownPower)
    return { needed: false, authorityUnitId: null, authorityName: null, legalReference: ownPower.legalReference };
  for (const a of await authoritiesAbove(tx, row.authorityUnitId)) {
    const settings = await awardSettingsOf(tx, a.id);
    const power = await grantPowerFor(tx, settings.grantorLevel, row.awardTypeId, today);
    if (power)
      return { needed: true, authorityUnitId: a.id, authorityName: a.name, legalReference: power.legalReference };
  }
  return {
    needed: true,
    authorityUnitId: null,
    authorityName: null,
    legalReference: await legalReferenceOf(tx, row.awardTypeId, today),
  };
}

/**
 * Forwards an approved dossier to the nearest higher authority that may grant its award type: the
 * copy is submitted there with the same documents; the original becomes `forwarded`.
 */
export async function forwardDossier(
  db: Db,
  ctx: ActorCtx,
  id: string,
  expectedVersion: number,
): Promise<ForwardDossierResult> {
  const { actor } = ctx;
  return db.transaction(async (tx) => {
    const found = await readableRow(tx, actor, id);
    assertCan(actor, 'dossier.evaluate', { unitId: found.authorityUnitId });
    let target: ForwardTarget | null = null;
    const copyId = newId('ds');
    const now = new Date();
    const after = await moveState(tx, ctx, {
      resource: 'dossier',
      table: dossiers,
      transitions: DOSSIER_TRANSITIONS,
      action: 'forward',
      id,
      guard: async (row) => {
        if (row.version !== expectedVersion) throw PreconditionFailed();
        const awardType = (await awardTypeById(tx, row.awardTypeId))?.name ?? row.awardTypeId;
        const t = await forwardTargetOf(tx, row);
        if (!t.needed) throw Conflict('dossier.forward_not_needed', { awardType, reference: t.legalReference });
        if (!t.authorityUnitId)
          throw new DomainError(422, 'dossier.no_higher_authority', { awardType, reference: t.legalReference });
        // The dossiers module's check, code and message (the kind of blocker and its reason).
        await assertNomineeNotBlocked(tx, row);
        target = t;
      },
      changes: async (row) => {
        const to = target!;
        await tx.insert(dossiers).values({
          id: copyId,
          campaignId: row.campaignId,
          authorityUnitId: to.authorityUnitId!,
          nomineeKind: row.nomineeKind,
          unitId: row.unitId,
          personId: row.personId,
          awardTypeId: row.awardTypeId,
          submissionId: row.submissionId,
          achievement: row.achievement,
          status: 'submitted',
          submittedAt: now,
          submittedBy: actor.userId,
          forwardedFromId: row.id,
          createdBy: actor.userId,
        });
        const docs = await documentRowsOf(tx, row.id);
        if (docs.length)
          await tx.insert(dossierDocuments).values(
            docs.map((d) => ({
              dossierId: copyId,
              kind: d.kind,
              fileId: d.fileId,
              source: d.source,
              addedBy: actor.userId,
              addedAt: d.addedAt,
            })),
          );
        // The dossiers module also records each document as an attachment of its dossier.
        for (const d of docs)
          await copyFileAttachments(
            tx,
            actor,
            { objectType: `dossier_${d.kind}`, objectId: row.id },
            { objectType: `dossier_${d.kind}`, objectId: copyId },
          );
        return { forwardedToId: copyId };
      },
      audit: {
        after: (row) => ({
          status: row.status,
          version: row.version,
          forwardedToId: row.forwardedToId,
          toAuthorityUnitId: target?.authorityUnitId,
        }),
      },
    });
    const to = target as ForwardTarget | null;
    await recordAudit(tx, ctx, {
      action: 'dossier.receive_forwarded',
      objectType: 'dossier',
      objectId: copyId,
      after: { status: 'submitted', forwardedFromId: id, authorityUnitId: to?.authorityUnitId },
    });
    return {
      original: { id: after.id, status: 'forwarded', version: after.version },
      copy: {
        id: copyId,
        authorityUnitId: to!.authorityUnitId!,
        authorityName: to!.authorityName!,
        status: 'submitted',
      },
    };
  });
}

/** The chain of the dossier (original, then each copy upward), and where an approved one would go. */
export async function getForwarding(db: Executor, actor: Actor, id: string): Promise<DossierForwarding> {
  const row = await readableRow(db, actor, id);
  const chain = await chainOf(db, id);
  const names = await unitNames(db, [...new Set(chain.map((d) => d.authorityUnitId))]);
  const decisions = await decisionsByIds(
    db,
    chain.flatMap((d) => (d.decisionId ? [d.decisionId] : [])),
  );
  const steps = chain.map((d, i) => {
    const decision = d.decisionId ? decisions.get(d.decisionId) : undefined;
    const next = chain[i + 1];
    return {
      dossierId: d.id,
      authorityUnitId: d.authorityUnitId,
      authorityName: names.get(d.authorityUnitId) ?? '',
      status: d.status as Dossier['status'],
      submittedAt: d.submittedAt?.toISOString() ?? null,
      receiptNumber: d.receiptNumber,
      receivedAt: d.receivedAt?.toISOString() ?? null,
      decisionNumber: decision?.number ?? null,
      decidedOn: decision?.decidedOn ?? null,
      forwardedAt: next?.submittedAt?.toISOString() ?? null,
    };
  });
  const target = row.status === 'approved' ? await forwardTargetOf(db, row) : null;
  return { dossierId: id, steps, target };
}

// ── The package (ZIP) ───────────────────────────────────────────────────────────────────────────

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as Uint8Array));
  return Buffer.concat(chunks);
}

/** A file name safe as one path segment of a ZIP entry. */
function entryName(name: string): string {
  const cleaned = [...name]
    .map((ch) => (ch.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(ch) ? '_' : ch))
    .join('')
    .replace(/^\.+/, '_')
    .trim();
  return cleaned || 'tep';
}

export async function exportPackage(
  db: Db,
  ctx: ActorCtx,
  blobs: BlobStore,
  publicUrl: string,
  id: string,
): Promise<{ name: string; zip: Buffer }> {
  const row = await readableRow(db, ctx.actor, id);
  const dossier = (await loadDossier(db, id))!;
  const [campaign, authority, awardType, council] = await Promise.all([
    campaignById(db, row.campaignId),
    unitById(db, row.authorityUnitId),
    awardTypeById(db, row.awardTypeId),
    councilResultOf(db, id),
  ]);
  const entries: Record<string, Uint8Array> = {};
  const documents: DossierPackageDocument[] = [];
  for (const doc of dossier.documents) {
    const { file, stream } = await openFileContent(db, ctx, blobs, doc.file.id);
    const content = await readAll(stream);
    const path = `${doc.kind}/${entryName(file.name)}`;
    entries[path] = content;
    documents.push({
      kind: doc.kind,
      source: doc.source,
      name: file.name,
      mediaType: file.mediaType,
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      path,
    });
  }
  const manifest: DossierPackageManifest = {
    formatVersion: DOSSIER_PACKAGE_FORMAT,
    exportedAt: new Date().toISOString(),
    sourceInstallation: publicUrl || null,
    sourceDossierId: id,
    authority: { code: authority?.code ?? '', name: authority?.name ?? '' },
    campaign: { title: campaign?.title ?? '', number: campaign?.number ?? '' },
    nominee: { kind: dossier.nomineeKind, unitName: dossier.unitName, personName: dossier.personName },
    awardType: { code: awardType?.code ?? '', name: awardType?.name ?? '' },
    achievement: dossier.achievement,
    receiptNumber: dossier.receiptNumber,
    councilResult: council
      ? {
          result: (council.result as 'passed' | 'failed' | null) ?? null,
          votesFor: council.votesFor,
          votesAgainst: council.votesAgainst,
          votesAbstain: council.votesAbstain,
          heldAt: council.heldAt.toISOString(),
          minutesNumber: council.minutesNumber,
        }
      : null,
    documents,
  };
  entries['manifest.json'] = strToU8(JSON.stringify(manifest, null, 2));
  const zip = Buffer.from(zipSync(entries, { level: 6 }));
  return { name: `ho-so-de-nghi-${id}.zip`, zip };
}

/** Limits of a package read from outside (the ZIP itself is limited by the route). */
export const PACKAGE_LIMITS: ZipLimits = {
  maxEntries: 30,
  maxEntryBytes: 25 * 1024 * 1024,
  maxTotalBytes: 100 * 1024 * 1024,
};

const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;

function unpack(zip: Buffer, limits: ZipLimits): Map<string, Buffer> {
  try {
    return readZip(zip, limits);
  } catch (err) {
    if (!(err instanceof ZipReadError)) throw err;
    const p = err.problem;
    if (p.kind === 'too_many_entries') throw new DomainError(413, 'dossier_package.too_many_entries', { max: p.max });
    if (p.kind === 'entry_too_large')
      throw new DomainError(413, 'dossier_package.entry_too_large', { name: p.name, max: mb(p.max) });
    if (p.kind === 'total_too_large')
      throw new DomainError(413, 'dossier_package.too_large_unpacked', { max: mb(p.max) });
    throw new DomainError(422, 'dossier_package.unreadable');
  }
}

function manifestOf(entries: Map<string, Buffer>): DossierPackageManifest {
  const raw = entries.get('manifest.json');
  if (!raw) throw new DomainError(422, 'dossier_package.manifest_missing');
  let value: unknown;
  try {
    value = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new DomainError(422, 'dossier_package.manifest_invalid');
  }
  if (!Value.Check(DossierPackageManifest, value)) {
    const errors = [...Value.Errors(DossierPackageManifest, value)].slice(0, 20).map((e) => ({
      field: `/manifest${(e as { instancePath?: string; path?: string }).instancePath ?? (e as { path?: string }).path ?? ''}`,
      code: 'invalid',
    }));
    throw new DomainError(422, 'dossier_package.manifest_invalid', {}, errors);
  }
  return value;
}

export interface PackageInput {
  zip: Buffer;
  campaignId: string;
  unitId: string;
}

/**
 * Files a dossier package at the receiving authority: the manifest must match its schema and every
 * document its size and SHA-256; the award type is found by code; the files are stored and the
 * dossier is created `submitted` in the chosen campaign, under the chosen local unit (a person
 * nominee: the person of that unit with exactly that name, or a new one).
 */
export async function importPackage(
  db: Db,
  ctx: ActorCtx,
  config: object,
  input: PackageInput,
  limits: ZipLimits = PACKAGE_LIMITS,
): Promise<Dossier> {
  const { actor } = ctx;
  const campaign = await campaignById(db, input.campaignId);
  if (!campaign || !can(actor, 'dossier.receive', { unitId: campaign.authorityUnitId }))
    throw new DomainError(422, 'dossier_package.campaign_not_found', {}, [
      { field: '/campaignId', code: 'dossier_package.campaign_not_found' },
    ]);
  const unit = await unitById(db, input.unitId);
  if (!unit || !can(actor, 'dossier.receive', { unitId: unit.id }))
    throw new DomainError(422, 'dossier_package.unit_not_found', {}, [
      { field: '/unitId', code: 'dossier_package.unit_not_found' },
    ]);

  const entries = unpack(input.zip, limits);
  const manifest = manifestOf(entries);
  const contents: { doc: DossierPackageDocument; data: Buffer; mediaType: AllowedMediaType }[] = [];
  const kinds = new Set<DossierDocumentKind>();
  for (const doc of manifest.documents) {
    const data = entries.get(doc.path);
    if (!data) throw new DomainError(422, 'dossier_package.document_missing', { name: doc.path });
    const sha = createHash('sha256').update(data).digest('hex');
    if (data.length !== doc.size || sha !== doc.sha256)
      throw new DomainError(422, 'dossier_package.checksum_mismatch', { name: doc.path });
    if (kinds.has(doc.kind)) throw new DomainError(422, 'dossier_package.manifest_invalid');
    kinds.add(doc.kind);
    const mime = (await fileTypeFromBuffer(data))?.mime;
    if (!mime || !Object.hasOwn(ALLOWED_FILE_TYPES, mime)) throw new DomainError(415, 'file.type_not_allowed');
    contents.push({ doc, data, mediaType: mime as AllowedMediaType });
  }
  const awardType = await awardTypeByCode(db, manifest.awardType.code);
  if (!awardType) throw new DomainError(422, 'dossier_package.unknown_award_type', { code: manifest.awardType.code });

  const id = newId('ds');
  await db.transaction(async (tx: Tx) => {
    let personId: string | null = null;
    if (manifest.nominee.kind === 'person') {
      const fullName = (manifest.nominee.personName ?? '').trim();
      if (!fullName) throw new DomainError(422, 'dossier_package.manifest_invalid');
      personId = (await personInUnitByName(tx, unit.id, fullName))?.id ?? null;
      if (!personId) {
        personId = newId('pe');
        await tx.insert(people).values({ id: personId, unitId: unit.id, fullName, searchKey: personKey({ fullName }) });
        await recordAudit(tx, ctx, {
          action: 'person.create',
          objectType: 'person',
          objectId: personId,
          after: { id: personId, unitId: unit.id, fullName, source: 'dossier_package' },
        });
      }
    }
    const key = { campaignId: campaign.id, authorityUnitId: campaign.authorityUnitId, unitId: unit.id, personId };
    if (await liveDossierOf(tx, key)) throw Conflict('dossier_package.already_filed');
    const now = new Date();
    await tx.insert(dossiers).values({
      id,
      ...key,
      nomineeKind: manifest.nominee.kind,
      awardTypeId: awardType.id,
      achievement: manifest.achievement,
      status: 'submitted',
      submittedAt: now,
      submittedBy: actor.userId,
      createdBy: actor.userId,
    });
    for (const { doc, data, mediaType } of contents) {
      const file = await storeGeneratedFile(tx, ctx, config, {
        name: doc.name,
        mediaType,
        content: data,
        unitId: unit.id,
        personId: null,
      });
      await tx.insert(dossierDocuments).values({
        dossierId: id,
        kind: doc.kind,
        fileId: file.id,
        source: doc.source,
        addedBy: actor.userId,
        addedAt: now,
      });
      await setFileAttachments(tx, actor, {
        objectType: `dossier_${doc.kind}`,
        objectId: id,
        fileIds: [file.id],
        unitId: unit.id,
      });
    }
    await recordAudit(tx, ctx, {
      action: 'dossier.import_package',
      objectType: 'dossier',
      objectId: id,
      after: {
        status: 'submitted',
        campaignId: campaign.id,
        unitId: unit.id,
        personId,
        awardTypeId: awardType.id,
        source: {
          installation: manifest.sourceInstallation,
          dossierId: manifest.sourceDossierId,
          authority: manifest.authority.name,
          receiptNumber: manifest.receiptNumber,
        },
        documents: manifest.documents.map((d) => ({ kind: d.kind, name: d.name, sha256: d.sha256 })),
      },
    });
  });
  return (await loadDossier(db, id))!;
}
