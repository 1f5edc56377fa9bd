/** GET /initiatives — one page of initiatives with the recognised count (unit roles: their unit's; staff: those they author). */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { InitiativePage } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { initiativeKeys, type InitiativeListParams } from './keys.ts';

export function getInitiatives(params: InitiativeListParams, signal?: AbortSignal): Promise<InitiativePage> {
  return api.get('/initiatives', { ...params }, signal);
}

export function initiativesQueryOptions(params: InitiativeListParams) {
  return queryOptions({
    queryKey: initiativeKeys.list(params),
    queryFn: ({ signal }) => getInitiatives(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useInitiatives(params: InitiativeListParams) {
  return useQuery(initiativesQueryOptions(params));
}
