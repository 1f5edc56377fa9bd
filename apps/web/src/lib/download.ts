/**
 * Binary downloads that need the session (the plan DOCX): the access token lives in memory, so a
 * plain link cannot carry it. Fetches with the token (refreshing once on 401, like the API client),
 * then hands the bytes to the browser as a file. Errors arrive as the same ApiError as elsewhere.
 */
import type { Problem } from '@thidua/contract';
import { ApiError, getAccessToken, refreshSession } from './api-client.ts';
import { currentLanguage, i18n } from './i18n.ts';

/**
 * A request outside the JSON client (binary downloads, multipart uploads) with the session's token:
 * refreshed and retried once on 401, network and problem+json errors as ApiError. `init.body` must
 * be sendable twice (a FormData or a string is).
 */
export async function fetchWithSession(
  path: string,
  init: { method?: string; body?: BodyInit; headers?: Record<string, string> } = {},
): Promise<Response> {
  const send = () => {
    const headers: Record<string, string> = { 'Accept-Language': currentLanguage(), ...init.headers };
    const token = getAccessToken();
    if (token) headers.Authorization = `Bearer ${token}`;
    return fetch(`/api/v1${path}`, { method: init.method, body: init.body, headers, credentials: 'include' });
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
  return res;
}

/** The file name from Content-Disposition (RFC 6266, filename* first), or the fallback. */
function fileNameOf(res: Response, fallback: string): string {
  const cd = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // malformed: use the plain name
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(cd);
  return plain?.[1] ?? fallback;
}

/** Offers a blob to the user as a download. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: some browsers start reading the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** Downloads an authenticated API resource as a file; resolves with the name it was saved under. */
export async function downloadFile(path: string, fallbackName: string): Promise<string> {
  const res = await fetchWithSession(path);
  const name = fileNameOf(res, fallbackName);
  saveBlob(await res.blob(), name);
  return name;
}

/** A safe file name from a campaign's number or title ("12/KH-UBND" → "12-KH-UBND"). */
export function fileSafeName(s: string): string {
  const cleaned = s
    .replace(/[\\/:*?"<>|\n\r\t]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[-.\s]+|[-.\s]+$/g, '');
  return cleaned.slice(0, 80) || 'ke-hoach';
}
