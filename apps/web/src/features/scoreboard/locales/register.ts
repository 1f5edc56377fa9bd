/**
 * The scoreboard's texts, under `scoreboard`. They load with its page (or the public campaign page),
 * not at start-up; an English reader's page re-renders when the English catalogue lands.
 */
import { useTranslation, type UseTranslationOptions } from 'react-i18next';
import { registerTranslations } from '../../../lib/i18n.ts';
import vi from './vi.json';

registerTranslations(vi, () => import('./en.json'));

const OPTIONS = { bindI18nStore: 'added' } as UseTranslationOptions<undefined>;

export function useScoreboardTranslation() {
  return useTranslation(undefined, OPTIONS);
}
