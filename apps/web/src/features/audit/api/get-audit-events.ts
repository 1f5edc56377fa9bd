/** GET /audit-events — the append-only log, newest first (admin and secretariat). */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { AuditEvent, PageOf } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { auditKeys, type AuditListParams } from './keys.ts';

export function getAuditEvents(params: AuditListParams, signal?: AbortSignal): Promise<PageOf<AuditEvent>> {
  return api.get('/audit-events', { ...params }, signal);
}

export function auditEventsQueryOptions(params: AuditListParams) {
  return queryOptions({
    queryKey: auditKeys.list(params),
    queryFn: ({ signal }) => getAuditEvents(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useAuditEvents(params: AuditListParams) {
  return useQuery(auditEventsQueryOptions(params));
}
