/** GET /email-outbox — the e-mails sent, waiting, failed or only logged (the administrator). */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { EmailStatus, OutboxPage } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { notificationKeys } from './keys.ts';

export interface OutboxParams {
  status?: EmailStatus | undefined;
  page: number;
  pageSize: number;
}

export function getOutbox(params: OutboxParams, signal?: AbortSignal): Promise<OutboxPage> {
  return api.get('/email-outbox', { ...params }, signal);
}

export function outboxQueryOptions(params: OutboxParams) {
  return queryOptions({
    queryKey: notificationKeys.outbox(params),
    queryFn: ({ signal }) => getOutbox(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useOutbox(params: OutboxParams) {
  return useQuery(outboxQueryOptions(params));
}
