/**
 * POST /files — one file as multipart/form-data, through XMLHttpRequest rather than fetch: fetch
 * reports no upload progress, and the progress bar is what tells a commune officer on a slow line
 * that a 20 MB scan is still going. Same manners as the API client: Bearer token from the session,
 * one refresh and retry on 401, Accept-Language, problem+json turned into an ApiError (413 and 415
 * arrive with the server's sentence in the reader's language), and an Idempotency-Key so a retried
 * upload does not store the file twice.
 */
import type { FileInfo, Problem } from '@thidua/contract';
import { ApiError, getAccessToken, newIdempotencyKey, refreshSession } from '../../../lib/api-client.ts';
import { currentLanguage, i18n } from '../../../lib/i18n.ts';
import '../locales/register.ts';

export interface UploadOptions {
  /** Owner unit: for authority-wide roles uploading on a unit's behalf, or a person of several units. */
  unitId?: string | null | undefined;
  /** Called with 0–100 as the bytes leave the browser. */
  onProgress?: (percent: number) => void;
  signal?: AbortSignal;
  /** Reuse the key of an earlier attempt of the same file (a retry after a network failure). */
  idempotencyKey?: string;
}

interface XhrOutcome {
  status: number;
  body: string;
  contentType: string;
}

function sendOnce(file: File, opts: UploadOptions, key: string): Promise<XhrOutcome> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/files');
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', currentLanguage());
    xhr.setRequestHeader('Idempotency-Key', key);
    const token = getAccessToken();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) opts.onProgress?.(Math.min(100, Math.round((e.loaded / e.total) * 100)));
    };
    xhr.onload = () =>
      resolve({ status: xhr.status, body: xhr.responseText, contentType: xhr.getResponseHeader('content-type') ?? '' });
    xhr.onerror = () => reject(new ApiError(0, 'network.unreachable', i18n.t('errors.network')));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    if (opts.signal) {
      if (opts.signal.aborted) {
        reject(new DOMException('The upload was cancelled.', 'AbortError'));
        return;
      }
      opts.signal.addEventListener('abort', () => xhr.abort(), { once: true });
    }
    const form = new FormData();
    // The server reads unitId only when it comes before the file part.
    if (opts.unitId) form.append('unitId', opts.unitId);
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

function toError(res: XhrOutcome): ApiError {
  if (res.contentType.includes('json')) {
    try {
      const p = JSON.parse(res.body) as Partial<Problem>;
      return new ApiError(
        res.status,
        p.code ?? `http.${res.status}`,
        p.detail ?? p.title ?? i18n.t('errors.http', { status: res.status }),
        p.errors ?? [],
        p.requestId,
      );
    } catch {
      // fall through
    }
  }
  // A proxy in front of the API may refuse a large body itself, with an HTML page.
  if (res.status === 413) return new ApiError(413, 'file.too_large', i18n.t('files.errors.tooLarge'));
  return new ApiError(res.status, `http.${res.status}`, i18n.t('errors.http', { status: res.status }));
}

export async function uploadFile(file: File, opts: UploadOptions = {}): Promise<FileInfo> {
  const key = opts.idempotencyKey ?? newIdempotencyKey();
  let res = await sendOnce(file, opts, key);
  if (res.status === 401 && (await refreshSession()) === 'ok') {
    opts.onProgress?.(0);
    res = await sendOnce(file, opts, key);
  }
  if (res.status < 200 || res.status >= 300) throw toError(res);
  return JSON.parse(res.body) as FileInfo;
}
