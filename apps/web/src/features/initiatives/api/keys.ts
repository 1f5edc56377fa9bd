/** Query keys of the initiatives register; invalidate through these. */
import type { InitiativeStatus } from '@thidua/contract';

export interface InitiativeListParams {
  q?: string | undefined;
  status?: InitiativeStatus | undefined;
  unitId?: string | undefined;
  campaignId?: string | undefined;
  year?: number | undefined;
  page: number;
  pageSize: number;
}

export const initiativeKeys = {
  all: ['initiatives'] as const,
  lists: () => [...initiativeKeys.all, 'list'] as const,
  list: (params: InitiativeListParams) => [...initiativeKeys.lists(), params] as const,
  people: (unitId: string) => [...initiativeKeys.all, 'people', unitId] as const,
};
