/** POST /campaigns/:id/reminders — the office reminds chosen units with a message. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Reminder, SendReminderBody } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { reminderKeys } from './keys.ts';

export interface SendReminderInput {
  campaignId: string;
  body: SendReminderBody;
  idempotencyKey: string;
}

export function sendReminder({ campaignId, body, idempotencyKey }: SendReminderInput): Promise<Reminder> {
  return api.post(`/campaigns/${encodeURIComponent(campaignId)}/reminders`, body, { idempotencyKey });
}

export function useSendReminder() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: sendReminder,
    onSettled: (_d, _e, { campaignId }) => qc.invalidateQueries({ queryKey: reminderKeys.campaign(campaignId) }),
  });
}
