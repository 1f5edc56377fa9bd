/**
 * i18next set-up: Vietnamese first, English as the switch. The choice is kept in localStorage and
 * mirrored into <html lang>, dayjs and (through ConfigProvider) antd, so dates, pickers and
 * validation texts follow the same language. Both catalogues are small, so both are bundled.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import 'dayjs/locale/en';
import vi from '../locales/vi.json';
import en from '../locales/en.json';

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
  document.documentElement.lang = lng;
  dayjs.locale(lng);
}

const initial = storedLanguage();
applyLanguage(initial);

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'vi',
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
  showSupportNotice: false, // keep the console for real problems
});

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'vi';
}

export async function setLanguage(lng: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Private mode or storage full: the switch still works for this page.
  }
  applyLanguage(lng);
  await i18n.changeLanguage(lng);
}

export { i18n };
