/**
 * What a module of the API offers the app, as plain data: its routes, the messages of its error
 * codes, and the rules by which it grants read access to files attached to its records. Each
 * module's index.ts exports one; modules/index.ts lists them and `prepareModules` registers their
 * messages and file rules, so importing a module changes nothing by itself.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../config.ts';
import type { FastifyBaseLogger } from 'fastify';
import type { Db, Executor } from '../db/client.ts';
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

/** What a background job sees: the database, the time the runner holds for "now", the config, a logger. */
export interface JobContext {
  db: Db;
  now: Date;
  config: Config;
  log: FastifyBaseLogger;
}

/** A kind of background job: `run` throws to have the job retried with backoff (lib/jobs.ts). */
export interface JobDefinition {
  kind: string;
  run(ctx: JobContext, payload: unknown): Promise<void>;
}

/** One occurrence of a job, named by a key unique to it, so that planning it twice stores it once. */
export interface PlannedJob {
  kind: string;
  key: string;
  payload?: unknown;
  runAt?: Date;
}

/**
 * Finds the jobs due by `ctx.now` (e.g. "open the campaigns whose start date has come"). Every
 * instance calls every planner on each tick; the job keys make that harmless.
 */
export type JobPlanner = (ctx: JobContext) => Promise<PlannedJob[]>;

export interface ApiModule {
  name: string;
  /** Registered under /api/v1, in the order of modules/index.ts. */
  routes: FastifyPluginAsync<{ config: Config }>[];
  messages?: MessageCatalog;
  fileAccessRules?: FileAccessRule[];
  /** Kinds of background job the module runs, and the planners that find them due. */
  jobs?: JobDefinition[];
  planners?: JobPlanner[];
}
