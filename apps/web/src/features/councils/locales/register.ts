/**
 * The council screens' texts, under `councils`. They load with its pages, not at start-up (the
 * sign-in route has a size budget); an English reader's page re-renders when the English catalogue
 * lands (`bindI18nStore: 'added'`).
 */
import { useTranslation, type UseTranslationOptions } from 'react-i18next';
import { registerTranslations } from '../../../lib/i18n.ts';
import vi from './vi.json';

registerTranslations(vi, () => import('./en.json'));

const OPTIONS = { bindI18nStore: 'added' } as UseTranslationOptions<undefined>;

export function useCouncilsTranslation() {
  return useTranslation(undefined, OPTIONS);
}
