/** Query keys of campaign templates. */
export const templateKeys = {
  all: ['campaign-templates'] as const,
  list: () => [...templateKeys.all, 'list'] as const,
  detail: (id: string) => [...templateKeys.all, 'detail', id] as const,
};
