/** Query keys of a campaign's reminders; invalidate through these. */
export const reminderKeys = {
  all: ['reminders'] as const,
  campaign: (campaignId: string) => [...reminderKeys.all, campaignId] as const,
  list: (campaignId: string, params: { page: number; pageSize: number }) =>
    [...reminderKeys.campaign(campaignId), 'list', params] as const,
  candidates: (campaignId: string) => [...reminderKeys.campaign(campaignId), 'candidates'] as const,
};
