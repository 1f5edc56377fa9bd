/** Query keys of the findings register; invalidate through these. */
import type { FindingStatus } from '@thidua/contract';

export interface FindingListParams {
  q?: string | undefined;
  status?: FindingStatus | undefined;
  unitId?: string | undefined;
  overdue?: boolean | undefined;
  page: number;
  pageSize: number;
}

export const findingKeys = {
  all: ['findings'] as const,
  campaign: (campaignId: string) => [...findingKeys.all, campaignId] as const,
  list: (campaignId: string, params: FindingListParams) =>
    [...findingKeys.campaign(campaignId), 'list', params] as const,
  rates: (campaignId: string) => [...findingKeys.campaign(campaignId), 'rates'] as const,
};
