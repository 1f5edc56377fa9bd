/** GET /campaign-templates — the bundled templates and those imported here. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CampaignTemplateList } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { templateKeys } from './keys.ts';

export function getTemplates(signal?: AbortSignal): Promise<CampaignTemplateList> {
  return api.get('/campaign-templates', undefined, signal);
}

export function templatesQueryOptions() {
  return queryOptions({
    queryKey: templateKeys.list(),
    queryFn: ({ signal }) => getTemplates(signal),
    staleTime: 5 * 60_000,
  });
}

/** `enabled` false for roles that may not list templates (the API would answer 403). */
export function useTemplates(enabled = true) {
  return useQuery({ ...templatesQueryOptions(), enabled });
}
