/** GET /reception/dossiers — the desk's queue: dossiers of its authority by status, with the working days they waited. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ReceptionQueuePage } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { receptionKeys, type QueueParams } from './keys.ts';

export function getQueue(params: QueueParams, signal?: AbortSignal): Promise<ReceptionQueuePage> {
  return api.get('/reception/dossiers', { ...params }, signal);
}

export function useReceptionQueue(params: QueueParams) {
  return useQuery({
    queryKey: receptionKeys.queue(params),
    queryFn: ({ signal }) => getQueue(params, signal),
    placeholderData: keepPreviousData,
  });
}
