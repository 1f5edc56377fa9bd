/** POST /campaign-templates — imports a template document; field errors point into it (/criteria/3/threshold). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CampaignTemplateRecord } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { templateKeys } from './keys.ts';

export interface ImportTemplateInput {
  /** The parsed file, sent as it is: the server is the one that validates it. */
  document: unknown;
  idempotencyKey: string;
}

export function importTemplate({ document, idempotencyKey }: ImportTemplateInput): Promise<CampaignTemplateRecord> {
  return api.post('/campaign-templates', document, { idempotencyKey });
}

export function useImportTemplate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: importTemplate,
    onSuccess: () => qc.invalidateQueries({ queryKey: templateKeys.all }),
  });
}
