/** The files module's front door: the only file other modules (and the app) import. Evidence and document files: upload, storage, who may read them, what they are attached to. */
export {
  copyFileAttachments,
  detachFiles,
  filesAttachedTo,
  registerFileAccessRule,
  setFileAttachments,
} from './files.service.ts';
export { default as filesRoutes } from './files.routes.ts';
