/**
 * POST /files for a dossier's signed document: one multipart part, with the session's token (one
 * refresh and retry on 401, as the API client does) and an Idempotency-Key. The files feature has
 * a richer uploader with progress; features do not import each other, and a signed scan is small.
 */
import type { FileInfo, Problem } from '@thidua/contract';
import { ApiError, getAccessToken, newIdempotencyKey, refreshSession } from '../../../lib/api-client.ts';
import { currentLanguage, i18n } from '../../../lib/i18n.ts';

export async function uploadDocumentFile(file: File): Promise<FileInfo> {
  const key = newIdempotencyKey();
  const send = () => {
    const form = new FormData();
    form.append('file', file, file.name);
    const headers: Record<string, string> = { 'Accept-Language': currentLanguage(), 'Idempotency-Key': key };
    const token = getAccessToken();
    if (token) headers.Authorization = `Bearer ${token}`;
    return fetch('/api/v1/files', { method: 'POST', body: form, headers, credentials: 'include' });
  };
  let res: Response;
  try {
    res = await send();
    if (res.status === 401 && (await refreshSession()) === 'ok') res = await send();
  } catch {
    throw new ApiError(0, 'network.unreachable', i18n.t('errors.network'));
  }
  if (!res.ok) {
    const problem = (await res.json().catch(() => ({}))) as Partial<Problem>;
    throw new ApiError(
      res.status,
      problem.code ?? `http.${res.status}`,
      problem.detail ?? i18n.t('errors.http', { status: res.status }),
      problem.errors ?? [],
    );
  }
  return (await res.json()) as FileInfo;
}
