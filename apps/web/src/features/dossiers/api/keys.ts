/** Query keys of the dossier screens; invalidate through these. */
import type { DossierStatus } from '@thidua/contract';

export interface DossierListParams {
  campaignId?: string | undefined;
  status?: DossierStatus | undefined;
  page: number;
  pageSize: number;
}

export const dossierKeys = {
  all: ['dossiers'] as const,
  list: (params: DossierListParams) => [...dossierKeys.all, 'list', params] as const,
  one: (id: string) => [...dossierKeys.all, 'one', id] as const,
  awardTypes: (campaignId: string) => [...dossierKeys.all, 'award-types', campaignId] as const,
  people: (unitId: string) => [...dossierKeys.all, 'people', unitId] as const,
};
