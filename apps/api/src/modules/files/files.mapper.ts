/** File rows as the contract's FileInfo. */
import type { FileInfo } from '@thidua/contract';
import type { FileRow } from './files.repository.ts';

export function toFileInfo(row: FileRow, attached: boolean): FileInfo {
  return {
    id: row.id,
    name: row.name,
    mediaType: row.mediaType,
    size: row.size,
    sha256: row.sha256,
    unitId: row.unitId,
    personId: row.personId,
    uploadedById: row.uploadedBy,
    attached,
    createdAt: row.createdAt.toISOString(),
  };
}
