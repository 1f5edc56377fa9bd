/**
 * GET /files/:id — a file's metadata (name, size, type), for records that hold only file ids (a
 * campaign's attachments). An upload's answer is the same FileInfo, so it is put in the cache
 * under the same key and a freshly attached file needs no second request.
 */
import { queryOptions, useQueries } from '@tanstack/react-query';
import type { FileInfo } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';

export const fileKeys = {
  all: ['files'] as const,
  detail: (id: string) => [...fileKeys.all, 'detail', id] as const,
};

export function getFile(id: string, signal?: AbortSignal): Promise<FileInfo> {
  return api.get(`/files/${encodeURIComponent(id)}`, undefined, signal);
}

export function fileQueryOptions(id: string) {
  // A stored file never changes (a new version is a new file): no refetch while it is cached.
  return queryOptions({
    queryKey: fileKeys.detail(id),
    queryFn: ({ signal }) => getFile(id, signal),
    staleTime: Infinity,
  });
}

/** The metadata of several files, one query each, in the order of `ids`. */
export function useFilesByIds(ids: readonly string[]) {
  return useQueries({ queries: ids.map((id) => fileQueryOptions(id)) });
}
