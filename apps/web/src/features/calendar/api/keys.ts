/** Query keys of the caller's calendar feed. */
export const calendarFeedKeys = {
  all: ['calendar-feed'] as const,
  status: () => [...calendarFeedKeys.all, 'status'] as const,
};
