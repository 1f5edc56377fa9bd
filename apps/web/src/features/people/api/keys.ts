/** Query keys of the people resource. */
import type { PersonSearchFields } from '@thidua/contract';

export interface PeopleListParams {
  unitId?: string | undefined;
  q?: string | undefined;
  /** 'all': the position and e-mail too; the name only when left out. */
  searchIn?: PersonSearchFields | undefined;
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
