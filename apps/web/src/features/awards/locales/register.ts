/**
 * The award register's texts, under `awardRegister`. They load with its page (and with the
 * sections on the unit, people and public campaign pages), not at start-up.
 */
import { useTranslation, type UseTranslationOptions } from 'react-i18next';
import { registerTranslations } from '../../../lib/i18n.ts';
import vi from './vi.json';

registerTranslations(vi, () => import('./en.json'));

// One constant object: react-i18next resubscribes whenever the options object changes identity.
const OPTIONS = { bindI18nStore: 'added' } as UseTranslationOptions<undefined>;

export function useAwardsTranslation() {
  return useTranslation(undefined, OPTIONS);
}
