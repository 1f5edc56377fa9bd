/** Query keys of the progress dashboard; invalidate through these. */
import type { ProgressFilter } from '@thidua/contract';

export interface ProgressParams {
  status?: ProgressFilter | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

export const progressKeys = {
  all: ['progress'] as const,
  campaign: (campaignId: string) => [...progressKeys.all, campaignId] as const,
  dashboard: (campaignId: string, params: ProgressParams) => [...progressKeys.campaign(campaignId), params] as const,
};
