/** Query keys of the units resource, built in one place so invalidation cannot miss a variant. */
export const unitKeys = {
  all: ['units'] as const,
  tree: (includeArchived: boolean) => [...unitKeys.all, 'tree', { includeArchived }] as const,
  detail: (id: string) => [...unitKeys.all, 'detail', id] as const,
};
