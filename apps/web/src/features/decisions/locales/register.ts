/** The decisions feature's texts, under `decisions`. They load with its pages (and the public campaign page's posting section). */
import { useTranslation, type UseTranslationOptions } from 'react-i18next';
import { registerTranslations } from '../../../lib/i18n.ts';
import vi from './vi.json';

registerTranslations(vi, () => import('./en.json'));

// One constant object: react-i18next resubscribes whenever the options object changes identity.
const OPTIONS = { bindI18nStore: 'added' } as UseTranslationOptions<undefined>;

export function useDecisionsTranslation() {
  return useTranslation(undefined, OPTIONS);
}
