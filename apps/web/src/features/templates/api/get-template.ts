/** GET /campaign-templates/:id — a template with its whole document (plan text and criteria). */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CampaignTemplateRecord } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { templateKeys } from './keys.ts';

export function getTemplate(id: string, signal?: AbortSignal): Promise<CampaignTemplateRecord> {
  return api.get(`/campaign-templates/${encodeURIComponent(id)}`, undefined, signal);
}

export function templateQueryOptions(id: string) {
  return queryOptions({
    queryKey: templateKeys.detail(id),
    queryFn: ({ signal }) => getTemplate(id, signal),
    staleTime: 5 * 60_000,
  });
}

export function useTemplate(id: string | null) {
  return useQuery({ ...templateQueryOptions(id ?? ''), enabled: Boolean(id) });
}
