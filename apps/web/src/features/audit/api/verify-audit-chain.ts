/**
 * GET /audit-events/verify — recomputes the hash chain and names the first broken link.
 * Run on demand (it reads the whole log), never in the background.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AuditVerifyResult } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { auditKeys } from './keys.ts';

export function verifyAuditChain(signal?: AbortSignal): Promise<AuditVerifyResult> {
  return api.get('/audit-events/verify', undefined, signal);
}

export function verifyAuditChainQueryOptions() {
  return queryOptions({
    queryKey: auditKeys.verify(),
    queryFn: ({ signal }) => verifyAuditChain(signal),
    staleTime: 0,
    gcTime: 0,
  });
}

/** Disabled until `refetch()` is called by the "check integrity" button. */
export function useVerifyAuditChain() {
  return useQuery({ ...verifyAuditChainQueryOptions(), enabled: false });
}
