/** The texts of proposals upward, under `dossierTransfer`; they load with the pages that use them. */
import { useTranslation, type UseTranslationOptions } from 'react-i18next';
import { registerTranslations } from '../../../lib/i18n.ts';
import vi from './vi.json';

registerTranslations(vi, () => import('./en.json'));

const OPTIONS = { bindI18nStore: 'added' } as UseTranslationOptions<undefined>;

export function useTransferTranslation() {
  return useTranslation(undefined, OPTIONS);
}
