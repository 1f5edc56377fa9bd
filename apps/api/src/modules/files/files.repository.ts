/** Queries on the files and file_attachments tables, which this module alone touches. */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { fileAttachments, files, units } from '../../db/schema/index.ts';
import type { Executor, Tx } from '../../db/client.ts';
import { newId } from '../../lib/ids.ts';

export type FileRow = typeof files.$inferSelect;

// Written out in full: drizzle leaves columns unqualified in a one-table select, and an unqualified
// "id" inside the subquery would be the attachment's own id.
const attachedColumn =
  sql<boolean>`exists (select 1 from "file_attachments" "fa" where "fa"."file_id" = "files"."id")`.as('attached');

/** The file and whether anything is attached to it. */
export async function findFile(db: Executor, id: string): Promise<{ file: FileRow; attached: boolean } | null> {
  const [row] = await db.select({ file: files, attached: attachedColumn }).from(files).where(eq(files.id, id));
  return row ?? null;
}

/** What the file is attached to. */
export async function attachmentsOfFile(db: Executor, fileId: string) {
  return db
    .select({ objectType: fileAttachments.objectType, objectId: fileAttachments.objectId })
    .from(fileAttachments)
    .where(eq(fileAttachments.fileId, fileId));
}

export async function isFileAttached(tx: Tx, fileId: string): Promise<boolean> {
  const [link] = await tx
    .select({ id: fileAttachments.id })
    .from(fileAttachments)
    .where(eq(fileAttachments.fileId, fileId))
    .limit(1);
  return !!link;
}

export async function findUnitId(db: Executor, unitId: string): Promise<string | null> {
  const [unit] = await db.select({ id: units.id }).from(units).where(eq(units.id, unitId));
  return unit?.id ?? null;
}

export async function insertFile(tx: Tx, values: typeof files.$inferInsert): Promise<FileRow> {
  const [row] = await tx.insert(files).values(values).returning();
  return row!;
}

/** The file, locked until the transaction ends (FOR UPDATE). */
export async function lockFile(tx: Tx, id: string): Promise<FileRow | null> {
  const [locked] = await tx.select().from(files).where(eq(files.id, id)).for('update');
  return locked ?? null;
}

/** The files among `ids`, locked against deletion until the transaction ends (FOR SHARE). */
export async function lockFilesShared(tx: Tx, ids: string[]): Promise<FileRow[]> {
  return tx.select().from(files).where(inArray(files.id, ids)).for('share');
}

export async function deleteFileRow(tx: Tx, id: string): Promise<void> {
  await tx.delete(files).where(eq(files.id, id));
}

export interface AttachedObject {
  objectType: string;
  objectId: string;
}

/** Attaches the files to the object; a file already attached to it stays once. */
export async function insertAttachments(
  tx: Tx,
  to: AttachedObject,
  fileIds: string[],
  attachedBy: string | null,
): Promise<void> {
  await tx
    .insert(fileAttachments)
    .values(
      fileIds.map((fileId) => ({
        id: newId('fa'),
        fileId,
        objectType: to.objectType,
        objectId: to.objectId,
        attachedBy,
      })),
    )
    .onConflictDoNothing();
}

/** The ids of the files attached to the object. */
export async function attachedFileIds(tx: Tx, object: AttachedObject): Promise<string[]> {
  const rows = await tx
    .select({ fileId: fileAttachments.fileId })
    .from(fileAttachments)
    .where(and(eq(fileAttachments.objectType, object.objectType), eq(fileAttachments.objectId, object.objectId)));
  return rows.map((r) => r.fileId);
}

/** Removes the object's attachments: those of `fileIds`, or without them all. */
export async function deleteAttachments(tx: Tx, object: AttachedObject, fileIds?: readonly string[]): Promise<void> {
  const where = [eq(fileAttachments.objectType, object.objectType), eq(fileAttachments.objectId, object.objectId)];
  if (fileIds) where.push(inArray(fileAttachments.fileId, [...fileIds]));
  await tx.delete(fileAttachments).where(and(...where));
}

/** The files attached to each of the objects, oldest attachment first. */
export async function filesOfObjects(db: Executor, objectType: string, objectIds: readonly string[]) {
  return db
    .select({ objectId: fileAttachments.objectId, file: files })
    .from(fileAttachments)
    .innerJoin(files, eq(files.id, fileAttachments.fileId))
    .where(and(eq(fileAttachments.objectType, objectType), inArray(fileAttachments.objectId, [...new Set(objectIds)])))
    .orderBy(fileAttachments.createdAt, files.id);
}

/** Those of the storage keys that a file row still names. */
export async function storageKeysInUse(db: Executor, keys: string[]): Promise<Set<string>> {
  const known = await db.select({ key: files.storageKey }).from(files).where(inArray(files.storageKey, keys));
  return new Set(known.map((k) => k.key));
}
