/** GET /campaigns/:id/plan.docx — the plan in the layout of Decree 30/2020, saved as a file. */
import { useMutation } from '@tanstack/react-query';
import type { Campaign } from '@thidua/contract';
import { downloadFile, fileSafeName } from '../../../lib/download.ts';

export function downloadPlan(campaign: Pick<Campaign, 'id' | 'number' | 'year'>): Promise<string> {
  return downloadFile(
    `/campaigns/${encodeURIComponent(campaign.id)}/plan.docx`,
    `ke-hoach-${fileSafeName(campaign.number)}-${campaign.year}.docx`,
  );
}

export function useDownloadPlan() {
  return useMutation({ mutationFn: downloadPlan });
}
