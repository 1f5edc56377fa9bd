/** GET /campaigns/:id/export — the campaign as a versioned JSON template, saved as a .json file. */
import { useMutation } from '@tanstack/react-query';
import type { Campaign, CampaignTemplate } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { fileSafeName, saveBlob } from '../../../lib/download.ts';

export function getCampaignExport(id: string): Promise<CampaignTemplate> {
  return api.get(`/campaigns/${encodeURIComponent(id)}/export`);
}

export async function exportCampaign(campaign: Pick<Campaign, 'id' | 'number' | 'year'>): Promise<string> {
  const doc = await getCampaignExport(campaign.id);
  const name = `mau-${fileSafeName(campaign.number)}-${campaign.year}.json`;
  saveBlob(new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json' }), name);
  return name;
}

export function useExportCampaign() {
  return useMutation({ mutationFn: exportCampaign });
}
