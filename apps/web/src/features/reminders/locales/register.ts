/** The reminders panel's texts, under `reminders`; they load with the campaign page. */
import { useTranslation, type UseTranslationOptions } from 'react-i18next';
import { registerTranslations } from '../../../lib/i18n.ts';
import vi from './vi.json';

registerTranslations(vi, () => import('./en.json'));

const OPTIONS = { bindI18nStore: 'added' } as UseTranslationOptions<undefined>;

export function useRemindersTranslation() {
  return useTranslation(undefined, OPTIONS);
}
