/**
 * The jobs page's texts, under `jobs`. They load with its page, not at start-up; an English
 * reader's page re-renders when the English catalogue lands (`bindI18nStore: 'added'`).
 */
import { useTranslation, type UseTranslationOptions } from 'react-i18next';
import { registerTranslations } from '../../../lib/i18n.ts';
import vi from './vi.json';

registerTranslations(vi, () => import('./en.json'));

// One constant object: react-i18next resubscribes whenever the options object changes identity.
const OPTIONS = { bindI18nStore: 'added' } as UseTranslationOptions<undefined>;

export function useJobsTranslation() {
  return useTranslation(undefined, OPTIONS);
}
