// i18next set-up: Norwegian bokmål first, English second. Resources are
// bundled (no network), and keys are typed from nb.json so a missing or
// misspelt key fails the type check.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../../src-shared/domain';
import nb from './nb.json';
import enJson from './en.json';

/** en.json must have every key nb.json has. */
const en: typeof nb = enJson;

export const defaultLocale: Locale = 'nb';
export const locales: Locale[] = ['nb', 'en'];

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof nb };
  }
}

void i18next.use(initReactI18next).init({
  resources: { nb: { translation: nb }, en: { translation: en } },
  lng: defaultLocale,
  fallbackLng: defaultLocale,
  supportedLngs: locales,
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

/** Switches the UI language and keeps <html lang> in step for screen readers. */
export async function applyLocale(locale: Locale): Promise<void> {
  await i18next.changeLanguage(locale);
  document.documentElement.lang = locale;
}

export default i18next;
