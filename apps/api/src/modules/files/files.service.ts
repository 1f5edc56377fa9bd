/**
 * Evidence files: upload, read, download, delete, and the interface other modules use to attach
 * files to their records. This module owns the `files` and `file_attachments` tables and the blob
 * store; no other module touches them directly.
 *
 * ── For other modules (submissions, findings, initiatives, dossiers …) ──────────────────────────
 * A client uploads first (`POST /api/v1/files` → `{id, …}`), then sends file ids in the body of the
 * record it saves. Inside that record's transaction, call:
 *
 *   assertFilesAttachable(tx, actor, fileIds, { unitId, personId?, field? })
 *       every id exists, belongs to `unitId` (null: an authority file) and, when `personId` is given,
 *       is not another person's individual file, and the actor can read it; else 400
 *       `file.not_attachable` with one field error per bad id (`${field}/${index}`, default
 *       `/fileIds/i`). A unit can therefore never attach another unit's file.
 *   attachFiles(tx, actor, { objectType, objectId, fileIds, unitId, personId?, field? })
 *       asserts as above, then records the attachments (already attached ids are kept once).
 *   setFileAttachments(tx, actor, { … same … })
 *       makes the object's attachments exactly `fileIds` (for autosave: the body carries the list).
 *   detachFiles(tx, objectType, objectId, fileIds?)    removes some or all of an object's files.
 *   copyFileAttachments(tx, from, to)                  e.g. freezing a submitted version.
 *   filesAttachedTo(tx, objectType, objectIds)         → Map<objectId, FileInfo[]> for responses.
 *   fileAccessRules (a module's ApiModule, lib/api-module.ts)
 *       grant read access to more actors through what a file is attached to, e.g.
 *       `async (tx, actor, file) => file.attachments.some((a) => a.objectType === 'practice')`.
 *       Rules only add access; they are asked only when the base rule below says no.
 * objectType is a short stable name chosen by the attaching module ('submission_answer',
 * 'finding_remedy', 'initiative' …). The attaching module audits its own change; attached files
 * cannot be deleted (409 `file.attached`).
 *
 * ── Who may read a file (base rule) ─────────────────────────────────────────────────────────────
 * The account that uploaded it, and whoever holds 'file.read' (the permission table) on the file's
 * unit and person: the unit's officers and head, the staff member it belongs to, the authority-wide
 * readers of an authority that reaches the unit (held without a unit: every file, authority files
 * included). Everyone else gets 404, which reveals nothing about the file's existence.
 *
 * ── Durability ──────────────────────────────────────────────────────────────────────────────────
 * See blob-store.ts: stage (temp file, fsync, SHA-256) → sniff the type → commit the blob under a
 * new server-generated key → insert the row and its audit event in one transaction; if that fails
 * the blob is deleted, and if the process dies first sweepOrphanBlobs() removes it later.
 */
import type { FastifyBaseLogger } from 'fastify';
import { Readable } from 'node:stream';
import { refusalOf, scopeOf, type AllowedMediaType, type FileInfo } from '@thidua/contract';
import type { Db, Executor, Tx } from '../../db/client.ts';
import type { ActorCtx } from '../../lib/context.ts';
import type { Actor } from '../../lib/actor.ts';
import { can } from '../../lib/access.ts';
import { Conflict, DomainError, Forbidden, Invalid, NotFound, type FieldProblem } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { FileAccessRule, FileAccessSubject } from '../../lib/api-module.ts';
import { recordAudit } from '../audit/index.ts';
import { BlobNotFoundError, newStorageKey, type BlobStore, type StagedBlob } from './blob-store/blob-store.ts';
import { detectAllowedType } from './file-types.ts';
import { sanitizeFileName } from './file-names.ts';
import {
  attachedFileIds,
  attachmentsOfFile,
  deleteAttachments,
  deleteFileRow,
  filesOfObjects,
  findFile,
  findUnitId,
  insertAttachments,
  insertFile,
  isFileAttached,
  lockFile,
  lockFilesShared,
  storageKeysInUse,
  type FileRow,
} from './files.repository.ts';
import { toFileInfo } from './files.mapper.ts';

/** The other modules' rules (lib/api-module.ts), set once the app lists its modules. */
let accessRules: readonly FileAccessRule[] = [];

/** Sets the file access rules of the app's modules (modules/index.ts `prepareModules`). */
export function useFileAccessRules(rules: readonly FileAccessRule[]): void {
  accessRules = rules;
}

/** Test seam: a failure injected after the blob is committed and before its row commits. */
export const uploadFaults: { beforeRowCommit: ((fileId: string) => void | Promise<void>) | null } = {
  beforeRowCommit: null,
};

function baseRuleAllows(actor: Actor, file: Pick<FileRow, 'unitId' | 'personId' | 'uploadedBy'>): boolean {
  return file.uploadedBy === actor.userId || can(actor, 'file.read', { unitId: file.unitId, personId: file.personId });
}

async function canReadFile(tx: Executor, actor: Actor, file: FileRow): Promise<boolean> {
  if (baseRuleAllows(actor, file)) return true;
  if (!accessRules.length) return false;
  const attachments = await attachmentsOfFile(tx, file.id);
  const subject: FileAccessSubject = {
    id: file.id,
    unitId: file.unitId,
    personId: file.personId,
    uploadedBy: file.uploadedBy,
    attachments,
  };
  for (const rule of accessRules) if (await rule(tx, actor, subject)) return true;
  return false;
}

/** The file if the actor may read it; 404 otherwise (whether it exists or not). */
async function readableFile(db: Executor, actor: Actor, id: string) {
  const found = await findFile(db, id);
  if (!found || !(await canReadFile(db, actor, found.file))) throw NotFound('file');
  return found;
}

// ── Upload ────────────────────────────────────────────────────────────────────────────────────

interface Owner {
  unitId: string | null;
  personId: string | null;
}

/**
 * Whose file an upload is ('file.upload'). Authority-wide holders upload for the authority (no unit)
 * or, with `unitId`, for a unit their authority reaches when they hold 'file.upload_unit' there (an
 * authority role without it, communications, uploads the authority's own files only: 403); unit
 * roles upload for their own unit, and a staff member's file is also theirs personally.
 */
async function resolveOwner(db: Executor, actor: Actor, requestedUnitId: string | undefined): Promise<Owner> {
  const scope = scopeOf(actor, 'file.upload');
  if (scope === 'any' || scope === 'authority') {
    if (requestedUnitId === undefined) return { unitId: null, personId: null };
    if (!can(actor, 'file.upload_unit')) throw Forbidden(refusalOf('file.upload_unit'));
    const unitId = await findUnitId(db, requestedUnitId);
    if (!unitId) throw Invalid([{ field: '/unitId', code: 'file.unit_not_found' }], 'file.unit_not_found');
    if (!can(actor, 'file.upload_unit', { unitId }))
      throw Invalid([{ field: '/unitId', code: 'file.unit_not_allowed' }], 'file.unit_not_allowed');
    return { unitId, personId: null };
  }
  // Unit roles: the units their grants are held in (a person's: the unit they work in).
  const unitIds = [
    ...new Set(
      actor.roles.flatMap((g) => (g.unitId && can(actor, 'file.upload', { unitId: g.unitId }) ? [g.unitId] : [])),
    ),
  ];
  if (!unitIds.length) throw Forbidden();
  let unitId: string;
  if (requestedUnitId !== undefined) {
    if (!unitIds.includes(requestedUnitId))
      throw Invalid([{ field: '/unitId', code: 'file.unit_not_allowed' }], 'file.unit_not_allowed');
    unitId = requestedUnitId;
  } else if (unitIds.length === 1) {
    unitId = unitIds[0]!;
  } else {
    throw Invalid([{ field: '/unitId', code: 'file.unit_required' }], 'file.unit_required');
  }
  // Whoever uploads for the unit as such owns no personal file; a person uploads their own.
  const forUnit = can(actor, 'file.upload', { unitId, personId: null });
  return { unitId, personId: forUnit ? null : actor.personId };
}

/** 413 with the limit in words people read ("25 MB"). */
export function tooLarge(maxBytes: number): DomainError {
  const max =
    maxBytes >= 1024 * 1024
      ? `${Math.round((maxBytes / (1024 * 1024)) * 10) / 10} MB`
      : `${Math.round(maxBytes / 1024)} KB`;
  return new DomainError(413, 'file.too_large', { max });
}

/**
 * Turns a staged upload into a stored file: checks its type by content (415), decides its owner,
 * commits the blob under a new key, then records the row and its audit event in one transaction.
 * The staged blob is always consumed: committed, or discarded on any refusal or failure.
 */
export async function storeUpload(
  db: Db,
  ctx: ActorCtx,
  blobs: BlobStore,
  staged: StagedBlob,
  input: { fileName: string | undefined; unitId: string | undefined },
  log?: FastifyBaseLogger,
): Promise<FileInfo> {
  const { actor } = ctx;
  let key: string | null = null;
  try {
    const mediaType: AllowedMediaType | null = await detectAllowedType(staged.path);
    if (!mediaType) throw new DomainError(415, 'file.type_not_allowed');
    const owner = await resolveOwner(db, actor, input.unitId);
    const name = sanitizeFileName(input.fileName, mediaType);

    key = newStorageKey();
    await blobs.commit(staged, key);

    const id = newId('fi');
    return await db.transaction(async (tx) => {
      const row = await insertFile(tx, {
        id,
        name,
        mediaType,
        size: staged.size,
        sha256: staged.sha256,
        storageKey: key!,
        unitId: owner.unitId,
        personId: owner.personId,
        uploadedBy: actor.userId,
      });
      const info = toFileInfo(row, false);
      await recordAudit(tx, ctx, { action: 'file.upload', objectType: 'file', objectId: id, after: info });
      if (uploadFaults.beforeRowCommit) await uploadFaults.beforeRowCommit(id);
      return info;
    });
  } catch (err) {
    if (key) {
      // The row did not commit: the blob must not outlive it. If even this fails, the sweeper will.
      await blobs
        .delete(key)
        .catch((e: unknown) => log?.error({ err: e, key }, 'could not delete the blob of a failed upload'));
    } else {
      await blobs.discard(staged).catch(() => {});
    }
    throw err;
  }
}

// ── Files the system generates (drafted documents) ────────────────────────────────────────────

/** The blob store of each app (by its config), set by the files routes when they start. */
const blobStoresByConfig = new WeakMap<object, BlobStore>();

export function registerBlobStore(config: object, blobs: BlobStore): void {
  blobStoresByConfig.set(config, blobs);
}

/**
 * Stores bytes the system produced (a drafted DOCX) as a file of `owner`, uploaded by the actor,
 * inside the caller's transaction: the blob is committed first, then the row and its audit event;
 * if the caller's transaction rolls back, the blob has no row and the orphan sweeper removes it.
 */
export async function storeGeneratedFile(
  tx: Tx,
  ctx: ActorCtx,
  config: object,
  input: { name: string; mediaType: AllowedMediaType; content: Buffer; unitId: string | null; personId: string | null },
): Promise<FileInfo> {
  const blobs = blobStoresByConfig.get(config);
  if (!blobs) throw new Error('the files module has not started: no blob store for this app');
  const staged = await blobs.stage(Readable.from([input.content]), Math.max(input.content.length, 1) + 1);
  const key = newStorageKey();
  try {
    await blobs.commit(staged, key);
  } catch (err) {
    await blobs.discard(staged).catch(() => {});
    throw err;
  }
  const id = newId('fi');
  const row = await insertFile(tx, {
    id,
    name: sanitizeFileName(input.name, input.mediaType),
    mediaType: input.mediaType,
    size: staged.size,
    sha256: staged.sha256,
    storageKey: key,
    unitId: input.unitId,
    personId: input.personId,
    uploadedBy: ctx.actor.userId,
  });
  const info = toFileInfo(row, false);
  await recordAudit(tx, ctx, { action: 'file.generate', objectType: 'file', objectId: id, after: info });
  return info;
}

// ── Read, download, delete ────────────────────────────────────────────────────────────────────

export async function getFile(db: Executor, ctx: ActorCtx, id: string): Promise<FileInfo> {
  const { file, attached } = await readableFile(db, ctx.actor, id);
  return toFileInfo(file, attached);
}

/** The file's metadata and a stream of its content, for an actor allowed to read it. */
export async function openFileContent(
  db: Executor,
  ctx: ActorCtx,
  blobs: BlobStore,
  id: string,
): Promise<{ file: FileInfo; stream: Readable; size: number }> {
  const { file, attached } = await readableFile(db, ctx.actor, id);
  try {
    const { stream, size } = await blobs.get(file.storageKey);
    return { file: toFileInfo(file, attached), stream, size };
  } catch (err) {
    if (err instanceof BlobNotFoundError) throw new DomainError(500, 'file.content_missing');
    throw err;
  }
}

/** The uploader deletes a file that is attached to nothing; the blob goes after the row commits. */
export async function deleteFile(
  db: Db,
  ctx: ActorCtx,
  blobs: BlobStore,
  id: string,
  log?: FastifyBaseLogger,
): Promise<void> {
  const { actor } = ctx;
  const storageKey = await db.transaction(async (tx) => {
    const locked = await lockFile(tx, id);
    if (!locked || !(await canReadFile(tx, actor, locked))) throw NotFound('file');
    if (locked.uploadedBy !== actor.userId) throw Forbidden('file.not_uploader');
    if (await isFileAttached(tx, id)) throw Conflict('file.attached');
    await deleteFileRow(tx, id);
    await recordAudit(tx, ctx, {
      action: 'file.delete',
      objectType: 'file',
      objectId: id,
      before: toFileInfo(locked, false),
    });
    return locked.storageKey;
  });
  await blobs
    .delete(storageKey)
    .catch((err: unknown) =>
      log?.error({ err, key: storageKey }, 'could not delete the blob of a deleted file; the sweeper will'),
    );
}

// ── Attachments (the interface for other modules) ─────────────────────────────────────────────

export interface AttachTarget {
  /** The unit the record belongs to; null for a record of the authority itself. */
  unitId: string | null;
  /** For an individual record: files of another person are refused. */
  personId?: string | null;
  /** Where the ids were in the request body, for the field errors (default '/fileIds'). */
  field?: string;
}

/**
 * Every id names a file the actor can read that belongs to `target.unitId` (and is not another
 * person's individual file); otherwise 400 `file.not_attachable` naming each bad id.
 * Locks the files (FOR SHARE) so that none is deleted before the caller's transaction commits.
 */
export async function assertFilesAttachable(
  tx: Tx,
  actor: Actor,
  fileIds: readonly string[],
  target: AttachTarget,
): Promise<void> {
  if (!fileIds.length) return;
  const unique = [...new Set(fileIds)];
  const rows = await lockFilesShared(tx, unique);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const field = target.field ?? '/fileIds';
  const errors: FieldProblem[] = [];
  for (const [i, id] of fileIds.entries()) {
    const f = byId.get(id);
    const ok =
      f !== undefined &&
      f.unitId === target.unitId &&
      (target.personId === undefined || f.personId === null || f.personId === target.personId) &&
      (await canReadFile(tx, actor, f));
    if (!ok) errors.push({ field: `${field}/${i}`, code: 'file.not_attachable' });
  }
  if (errors.length) throw Invalid(errors, 'file.not_attachable');
}

export interface AttachInput extends AttachTarget {
  objectType: string;
  objectId: string;
  fileIds: readonly string[];
}

/** Attaches files to an object (after assertFilesAttachable); ids already attached stay once. */
export async function attachFiles(tx: Tx, actor: Actor, input: AttachInput): Promise<void> {
  await assertFilesAttachable(tx, actor, input.fileIds, input);
  const unique = [...new Set(input.fileIds)];
  if (!unique.length) return;
  await insertAttachments(tx, input, unique, actor.userId);
}

/** Makes an object's attachments exactly `fileIds` (checked as by attachFiles); others are detached. */
export async function setFileAttachments(
  tx: Tx,
  actor: Actor,
  input: AttachInput,
): Promise<{ added: string[]; removed: string[] }> {
  await assertFilesAttachable(tx, actor, input.fileIds, input);
  const have = new Set(await attachedFileIds(tx, input));
  const want = new Set(input.fileIds);
  const added = [...want].filter((id) => !have.has(id));
  const removed = [...have].filter((id) => !want.has(id));
  if (added.length) await insertAttachments(tx, input, added, actor.userId);
  if (removed.length) await detachFiles(tx, input.objectType, input.objectId, removed);
  return { added, removed };
}

/** Detaches some (or, without fileIds, all) files of an object. The files themselves stay. */
export async function detachFiles(
  tx: Tx,
  objectType: string,
  objectId: string,
  fileIds?: readonly string[],
): Promise<void> {
  if (fileIds && !fileIds.length) return;
  await deleteAttachments(tx, { objectType, objectId }, fileIds);
}

/** Attaches to `to` the files attached to `from` (e.g. when a submitted version is frozen). */
export async function copyFileAttachments(
  tx: Tx,
  actor: Actor | null,
  from: { objectType: string; objectId: string },
  to: { objectType: string; objectId: string },
): Promise<void> {
  const fileIds = await attachedFileIds(tx, from);
  if (!fileIds.length) return;
  await insertAttachments(tx, to, fileIds, actor?.userId ?? null);
}

/** The files attached to each of the objects, oldest first. */
export async function filesAttachedTo(
  db: Executor,
  objectType: string,
  objectIds: readonly string[],
): Promise<Map<string, FileInfo[]>> {
  const out = new Map<string, FileInfo[]>();
  if (!objectIds.length) return out;
  for (const r of await filesOfObjects(db, objectType, objectIds)) {
    const list = out.get(r.objectId) ?? [];
    list.push(toFileInfo(r.file, true));
    out.set(r.objectId, list);
  }
  return out;
}

// ── Orphan sweeping ───────────────────────────────────────────────────────────────────────────

/**
 * Deletes blobs that have no row and are older than `minAgeMinutes` (left by a crash between the
 * blob's commit and the row's), and staged temporary files as old. The age keeps it away from
 * uploads in flight, whose row commits milliseconds after their blob.
 */
export async function sweepOrphanBlobs(
  db: Executor,
  blobs: BlobStore,
  opts: { minAgeMinutes: number; now?: Date },
): Promise<{ orphans: number; temporary: number }> {
  const olderThan = new Date((opts.now ?? new Date()).getTime() - opts.minAgeMinutes * 60_000);
  const temporary = await blobs.sweepTemporary(olderThan);
  let orphans = 0;
  let batch: string[] = [];
  const flush = async () => {
    if (!batch.length) return;
    const keep = await storageKeysInUse(db, batch);
    for (const key of batch) {
      if (keep.has(key)) continue;
      await blobs.delete(key);
      orphans++;
    }
    batch = [];
  };
  for await (const entry of blobs.list()) {
    if (entry.modifiedAt >= olderThan) continue;
    batch.push(entry.key);
    if (batch.length >= 500) await flush();
  }
  await flush();
  return { orphans, temporary };
}
