/**
 * The calendar card's texts, under `calendarFeed`. They load with the account page, not at
 * start-up; an English reader's card re-renders when the English catalogue lands.
 */
import { useTranslation, type UseTranslationOptions } from 'react-i18next';
import { registerTranslations } from '../../../lib/i18n.ts';
import vi from './vi.json';

registerTranslations(vi, () => import('./en.json'));

// One constant object: react-i18next resubscribes whenever the options object changes identity.
const OPTIONS = { bindI18nStore: 'added' } as UseTranslationOptions<undefined>;

export function useCalendarFeedTranslation() {
  return useTranslation(undefined, OPTIONS);
}
