/** The files module's front door: the only file other modules (and the app) import. Evidence and document files: upload, storage, who may read them, what they are attached to. */
import type { ApiModule } from '../../lib/api-module.ts';
import filesRoutes from './files.routes.ts';
import { filesMessages } from './files.messages.ts';

export {
  copyFileAttachments,
  detachFiles,
  filesAttachedTo,
  useFileAccessRules,
  setFileAttachments,
  storeGeneratedFile,
} from './files.service.ts';
export { attachmentDisposition } from './file-names.ts';
/** File rows as the contract's FileInfo: every module shows a file through this. */
export { toFileInfo } from './files.mapper.ts';
export type { FileRow } from './files.repository.ts';
/** For modules that store or read file content themselves (dossier packages). */
export { openFileContent } from './files.service.ts';
export { createBlobStore, type BlobStore } from './blob-store/blob-store.ts';

export const filesModule: ApiModule = { name: 'files', routes: [filesRoutes], messages: filesMessages };
