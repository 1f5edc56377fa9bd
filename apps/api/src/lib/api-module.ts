/**
 * What a module of the API offers the app, as plain data: its routes, the messages of its error
 * codes, and the rules by which it grants read access to files attached to its records. Each
 * module's index.ts exports one; modules/index.ts lists them and `prepareModules` registers their
 * messages and file rules, so importing a module changes nothing by itself.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../config.ts';
import type { Executor } from '../db/client.ts';
import type { Actor } from './actor.ts';
import type { MessageCatalog } from './messages.ts';

/** What a file access rule sees of a file. */
export interface FileAccessSubject {
  id: string;
  unitId: string | null;
  personId: string | null;
  uploadedBy: string;
  attachments: { objectType: string; objectId: string }[];
}

/**
 * Grants read access to more actors through what a file is attached to, e.g. "whoever may see the
 * campaign may read its signed plan". Rules only add access; they are asked only when the files
 * module's base rule (uploader, or 'file.read' on the file's unit and person) says no.
 */
export type FileAccessRule = (tx: Executor, actor: Actor, file: FileAccessSubject) => Promise<boolean>;

export interface ApiModule {
  name: string;
  /** Registered under /api/v1, in the order of modules/index.ts. */
  routes: FastifyPluginAsync<{ config: Config }>[];
  messages?: MessageCatalog;
  fileAccessRules?: FileAccessRule[];
}
