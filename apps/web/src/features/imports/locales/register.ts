/**
 * The import dialog's texts, under `imports`. They load with the pages that use them, not at start-up
 * (the sign-in route has a size budget); an English reader's widgets re-render when the English
 * catalogue lands (`bindI18nStore: 'added'`).
 */
import { useTranslation, type UseTranslationOptions } from 'react-i18next';
import { registerTranslations } from '../../../lib/i18n.ts';
import vi from './vi.json';

registerTranslations(vi, () => import('./en.json'));

// One constant object: react-i18next resubscribes whenever the options object changes identity.
const OPTIONS = { bindI18nStore: 'added' } as UseTranslationOptions<undefined>;

export function useImportsTranslation() {
  return useTranslation(undefined, OPTIONS);
}
