/**
 * The bell's and the outbox's texts, under `notifications`. Registered with the signed-in shell
 * (the bell is in its header); the English catalogue loads when needed.
 */
import { useTranslation, type UseTranslationOptions } from 'react-i18next';
import { registerTranslations } from '../../../lib/i18n.ts';
import vi from './vi.json';

registerTranslations(vi, () => import('./en.json'));

const OPTIONS = { bindI18nStore: 'added' } as UseTranslationOptions<undefined>;

export function useNotificationsTranslation() {
  return useTranslation(undefined, OPTIONS);
}
