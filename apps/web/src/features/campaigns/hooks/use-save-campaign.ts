/**
 * Saving a campaign's changed fields from one of its editor forms (the plan, the scoring rules):
 * nothing changed → said so; a 412 → the caller reloads and the person is told someone saved first;
 * any other problem → its field errors under the form's fields, the rest as a message.
 */
import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Campaign, UpdateCampaignBody } from '@thidua/contract';
import { isApiError } from '../../../lib/api-client.ts';
import { applyProblemToForm } from '../../../lib/problem.ts';
import { useUpdateCampaign } from '../api/update-campaign.ts';

interface Options {
  campaign: Campaign;
  etag: string;
  form: FormInstance;
  /** The message key said after a save. */
  savedKey: string;
  /** Called after a 412: the campaign is reloaded by the caller's query. */
  onStale?: () => Promise<unknown>;
  onSaved?: (campaign: Campaign) => void;
  /** Rewrites a refusal before its field errors are placed (e.g. onto the fields the form shows). */
  mapError?: (err: unknown) => unknown;
}

export function useSaveCampaign({ campaign, etag, form, savedKey, onStale, onSaved, mapError }: Options) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdateCampaign();

  async function save(body: UpdateCampaignBody) {
    if (Object.keys(body).length === 0) {
      void message.info(t('campaigns.editor.noChanges'));
      return;
    }
    try {
      const saved = await update.mutateAsync({ id: campaign.id, etag, body });
      void message.success(t(savedKey));
      onSaved?.(saved);
    } catch (err) {
      if (isApiError(err) && err.status === 412) {
        await onStale?.();
        void message.warning(t('campaigns.editor.stale'));
        return;
      }
      const rest = applyProblemToForm(form, mapError ? mapError(err) : err);
      if (rest) void message.error(rest);
    }
  }

  return { save, saving: update.isPending };
}
