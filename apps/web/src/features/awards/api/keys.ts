/** Query keys of the award register; invalidate through these. */
export interface AwardListParams {
  q?: string | undefined;
  campaignId?: string | undefined;
  awardTypeId?: string | undefined;
  unitId?: string | undefined;
  personId?: string | undefined;
  year?: number | undefined;
  includeRevoked?: boolean | undefined;
  page: number;
  pageSize: number;
}

export const awardKeys = {
  all: ['awards'] as const,
  lists: () => [...awardKeys.all, 'list'] as const,
  list: (params: AwardListParams) => [...awardKeys.lists(), params] as const,
  histories: () => [...awardKeys.all, 'history'] as const,
  history: (of: 'units' | 'people', id: string, page: number, pageSize: number) =>
    [...awardKeys.histories(), of, id, page, pageSize] as const,
  types: () => [...awardKeys.all, 'types'] as const,
  public: (campaignId: string) => ['public', 'campaigns', campaignId, 'awards'] as const,
};
