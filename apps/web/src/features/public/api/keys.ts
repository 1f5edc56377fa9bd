/** Query keys of the public (no sign-in) campaign pages. */
export interface PublicCampaignListParams {
  q?: string | undefined;
  page: number;
  pageSize: number;
}

export const publicKeys = {
  all: ['public'] as const,
  campaigns: (params: PublicCampaignListParams) => [...publicKeys.all, 'campaigns', params] as const,
  campaign: (id: string) => [...publicKeys.all, 'campaign', id] as const,
};
