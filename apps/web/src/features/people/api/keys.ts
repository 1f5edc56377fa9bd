/** Query keys of the people resource. */
export interface PeopleListParams {
  unitId?: string | undefined;
  q?: string | undefined;
  includeArchived?: boolean | undefined;
  page: number;
  pageSize: number;
}

export const peopleKeys = {
  all: ['people'] as const,
  lists: () => [...peopleKeys.all, 'list'] as const,
  list: (params: PeopleListParams) => [...peopleKeys.lists(), params] as const,
  detail: (id: string) => [...peopleKeys.all, 'detail', id] as const,
};
