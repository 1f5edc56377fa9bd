/**
 * The award catalogue's texts (`awardCatalogue`, `awardBlockers`, `campaignAwards`). They load with
 * its pages, not at start-up; an English reader's page re-renders when the English catalogue lands.
 */
import { useTranslation, type UseTranslationOptions } from 'react-i18next';
import { registerTranslations } from '../../../lib/i18n.ts';
import vi from './vi.json';

registerTranslations(vi, () => import('./en.json'));

const OPTIONS = { bindI18nStore: 'added' } as UseTranslationOptions<undefined>;

export function useAwardCatalogueTranslation() {
  return useTranslation(undefined, OPTIONS);
}
