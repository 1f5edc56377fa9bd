/** The to-do list's texts, under `tasks` (home page); the English catalogue loads when needed. */
import { useTranslation, type UseTranslationOptions } from 'react-i18next';
import { registerTranslations } from '../../../lib/i18n.ts';
import vi from './vi.json';

registerTranslations(vi, () => import('./en.json'));

const OPTIONS = { bindI18nStore: 'added' } as UseTranslationOptions<undefined>;

export function useTasksTranslation() {
  return useTranslation(undefined, OPTIONS);
}
