/** Query keys of the reception desk; invalidate through these. */
import type { ReceptionQueueStatus } from '@thidua/contract';

export interface QueueParams {
  q?: string | undefined;
  status: ReceptionQueueStatus;
  campaignId?: string | undefined;
  page: number;
  pageSize: number;
}

export const receptionKeys = {
  all: ['reception-desk'] as const,
  queue: (params: QueueParams) => [...receptionKeys.all, 'queue', params] as const,
  dossier: (id: string) => [...receptionKeys.all, 'dossier', id] as const,
};
