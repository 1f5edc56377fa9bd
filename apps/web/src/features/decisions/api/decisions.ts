/**
 * Award decisions: the list (GET /decisions), one decision, drafting from a campaign, editing a
 * draft (If-Match), issuing (the leader; If-Match), the signed scan and the DOCX download.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Decision, DecisionPage, IssueDecisionBody, UpdateDecisionBody } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { downloadFile } from '../../../lib/download.ts';
import { decisionKeys, type DecisionListParams } from './keys.ts';

const enc = encodeURIComponent;
const etag = (version: number) => `"v${version}"`;

export function useDecisions(params: DecisionListParams) {
  return useQuery({
    queryKey: decisionKeys.list(params),
    queryFn: ({ signal }) => api.get<DecisionPage>('/decisions', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useDecision(id: string) {
  return useQuery({
    queryKey: decisionKeys.decision(id),
    queryFn: ({ signal }) => api.get<Decision>(`/decisions/${enc(id)}`, undefined, signal),
  });
}

/** Every mutation answers the decision: it replaces the cached one, and the lists are read again. */
function useDecisionMutation<V>(fn: (v: V) => Promise<Decision>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (d) => qc.setQueryData(decisionKeys.decision(d.id), d),
    onSettled: () => qc.invalidateQueries({ queryKey: decisionKeys.all }),
  });
}

export const useCreateDecision = (campaignId: string) =>
  useDecisionMutation((body: { dossierIds?: string[] }) =>
    api.post<Decision>(`/campaigns/${enc(campaignId)}/decisions`, body),
  );

export const useUpdateDecision = () =>
  useDecisionMutation(({ decision, body }: { decision: Decision; body: UpdateDecisionBody }) =>
    api.patch<Decision>(`/decisions/${enc(decision.id)}`, body, etag(decision.version)),
  );

export const useIssueDecision = () =>
  useDecisionMutation(({ decision, body }: { decision: Decision; body: IssueDecisionBody }) =>
    api.post<Decision>(`/decisions/${enc(decision.id)}/issue`, body, { ifMatch: etag(decision.version) }),
  );

export const useAttachSignedFile = () =>
  useDecisionMutation(({ id, fileId }: { id: string; fileId: string }) =>
    api.put<Decision>(`/decisions/${enc(id)}/signed-file`, { fileId }),
  );

export function downloadDecisionDocx(d: Pick<Decision, 'id' | 'number'>): Promise<string> {
  const name = d.number ? d.number.replace(/\//g, '-') : 'du-thao';
  return downloadFile(`/decisions/${enc(d.id)}/document.docx`, `quyet-dinh-${name}.docx`);
}
