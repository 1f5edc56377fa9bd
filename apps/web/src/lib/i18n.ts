/**
 * i18next set-up: Vietnamese first, English as the switch. The choice is kept in localStorage and
 * mirrored into <html lang>, dayjs and (through ConfigProvider) antd, so dates, pickers and
 * validation texts follow the same language.
 *
 * Vietnamese texts are bundled; English ones load on demand (most readers never need them, and
 * the sign-in route has a size budget). A feature with its own texts registers them with
 * `registerTranslations(vi, () => import('./en.json'))`.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import 'dayjs/locale/en';
import vi from '../locales/vi.json';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'thidua.language';

function storedLanguage(): Language {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

function applyLanguage(lng: Language) {
  if (typeof document !== 'undefined') document.documentElement.lang = lng; // absent in unit tests
  dayjs.locale(lng);
}

const initial = storedLanguage();
applyLanguage(initial);

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi } },
  lng: 'vi',
  fallbackLng: 'vi',
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
  showSupportNotice: false, // keep the console for real problems
});

type Catalogue = Record<string, unknown>;
type CatalogueLoader = () => Promise<{ default: Catalogue }>;
type EnglishLoader = () => Promise<void>;

const englishLoaders: EnglishLoader[] = [];
const englishLoaded = new Set<EnglishLoader>();

/** Runs every registered English loader not run yet. */
async function loadEnglish(): Promise<void> {
  await Promise.all(
    englishLoaders
      .filter((load) => !englishLoaded.has(load))
      .map(async (load) => {
        await load();
        englishLoaded.add(load);
      }),
  );
}

/**
 * Something else English needs before the switch (e.g. antd's English locale): loaded with the
 * English texts, only by readers who choose English.
 */
export function registerEnglishResource(load: EnglishLoader): void {
  englishLoaders.push(load);
  if (i18n.language === 'en') void loadEnglish();
}

/** Adds a feature's texts: Vietnamese now, English when (or if) the reader switches to it. */
export function registerTranslations(viTexts: Catalogue, loadEnglishTexts: CatalogueLoader): void {
  i18n.addResourceBundle('vi', 'translation', viTexts, true, false);
  registerEnglishResource(async () => {
    const { default: texts } = await loadEnglishTexts();
    i18n.addResourceBundle('en', 'translation', texts, true, false);
  });
}

registerEnglishResource(async () => {
  const { default: texts } = await import('../locales/en.json');
  i18n.addResourceBundle('en', 'translation', texts, true, false);
});

/**
 * Resolves when the stored language's texts are in place; render after it (main.tsx) so an
 * English reader does not see a flash of Vietnamese.
 */
export async function i18nReady(): Promise<void> {
  if (initial !== 'en') return;
  try {
    await loadEnglish();
    await i18n.changeLanguage('en');
  } catch {
    applyLanguage('vi'); // offline or a failed chunk: Vietnamese still works
  }
}

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'vi';
}

export async function setLanguage(lng: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Private mode or storage full: the switch still works for this page.
  }
  if (lng === 'en') await loadEnglish();
  applyLanguage(lng);
  await i18n.changeLanguage(lng);
}

export { i18n };
