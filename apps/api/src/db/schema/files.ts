import { bigint, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { people } from './people.ts';
import { units } from './units.ts';
import { users } from './users.ts';

/**
 * Uploaded files. The bytes live in the blob store under `storageKey` (server-generated, never the
 * client's name); a row exists only once its blob is durably in place.
 */
export const files = pgTable(
  'files',
  {
    id: text().primaryKey(),
    name: text().notNull(),
    mediaType: text().notNull(),
    size: bigint({ mode: 'number' }).notNull(),
    sha256: text().notNull(),
    storageKey: text().notNull(),
    /** Owner unit; null for a file of the authority itself (uploaded by an authority-wide role). */
    unitId: text().references(() => units.id),
    /** Set for a staff member's own (individual) evidence. */
    personId: text().references(() => people.id),
    uploadedBy: text()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('files_storage_key_uq').on(t.storageKey),
    index('files_unit_idx').on(t.unitId),
    index('files_uploaded_by_idx').on(t.uploadedBy),
  ],
);

/**
 * What a file is attached to: (objectType, objectId) names a row of another module (a submission's
 * answer, a finding's remedy, an initiative …). A file with attachments cannot be deleted (the
 * foreign key restricts it, so a delete racing an attach loses cleanly).
 */
export const fileAttachments = pgTable(
  'file_attachments',
  {
    id: text().primaryKey(),
    fileId: text()
      .notNull()
      .references(() => files.id, { onDelete: 'restrict' }),
    objectType: text().notNull(),
    objectId: text().notNull(),
    attachedBy: text().references(() => users.id),
    createdAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('file_attachments_uq').on(t.objectType, t.objectId, t.fileId),
    index('file_attachments_file_idx').on(t.fileId),
  ],
);
