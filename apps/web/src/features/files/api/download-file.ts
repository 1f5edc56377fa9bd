/** GET /files/:id/content — an evidence file saved to the reader's disk under its original name. */
import { useMutation } from '@tanstack/react-query';
import type { FileInfo } from '@thidua/contract';
import { downloadFile } from '../../../lib/download.ts';

export function downloadEvidence(file: Pick<FileInfo, 'id' | 'name'>): Promise<string> {
  return downloadFile(`/files/${encodeURIComponent(file.id)}/content`, file.name);
}

export function useDownloadEvidence() {
  return useMutation({ mutationFn: downloadEvidence });
}
