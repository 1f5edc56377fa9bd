/** POST /campaigns/:id/open-self-assessment-early — the office lets self-assessments start before the first day. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Campaign } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { campaignKeys } from './keys.ts';

export function useOpenSelfAssessmentEarly() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<Campaign>(`/campaigns/${encodeURIComponent(id)}/open-self-assessment-early`),
    onSettled: (_data, _err, id) =>
      qc.invalidateQueries({
        queryKey: campaignKeys.all,
        predicate: (q) => q.queryKey.includes(id) || q.queryKey[1] === 'list',
      }),
  });
}
