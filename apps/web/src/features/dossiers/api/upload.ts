/**
 * POST /files for a dossier's signed document: one multipart part with an Idempotency-Key, through
 * the session-aware fetch of lib/download.ts. The files feature has a richer uploader with
 * progress; features do not import each other, and a signed scan is small.
 */
import type { FileInfo } from '@thidua/contract';
import { newIdempotencyKey } from '../../../lib/api-client.ts';
import { fetchWithSession } from '../../../lib/download.ts';

export async function uploadDocumentFile(file: File): Promise<FileInfo> {
  const form = new FormData();
  form.append('file', file, file.name);
  const res = await fetchWithSession('/files', {
    method: 'POST',
    body: form,
    headers: { 'Idempotency-Key': newIdempotencyKey() },
  });
  return (await res.json()) as FileInfo;
}
