/** Query keys of the council screens; invalidate through these. */
export const councilKeys = {
  all: ['councils'] as const,
  list: () => [...councilKeys.all, 'list'] as const,
  meetings: (councilId: string) => [...councilKeys.all, 'meetings', councilId] as const,
  meeting: (id: string) => [...councilKeys.all, 'meeting', id] as const,
  /** The signed-in member's own meetings (GET /me/council-meetings). */
  mine: () => [...councilKeys.all, 'mine'] as const,
  campaigns: (authorityUnitId: string) => [...councilKeys.all, 'campaigns', authorityUnitId] as const,
  received: (campaignId: string) => [...councilKeys.all, 'received', campaignId] as const,
  people: (q: string) => [...councilKeys.all, 'people', q] as const,
};
