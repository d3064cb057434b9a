/**
 * The i18next instance of the app, started before the first render in the detected language,
 * and the one way to change it (`setLanguage`): it saves the choice and keeps `<html lang>`
 * in step, which screen readers and the CJK font stacks in theme.css follow.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en';
import { ja } from './locales/ja';
import { zhCN } from './locales/zh-CN';
import { phrasesJa } from './phrases/ja';
import { phrasesZhCN } from './phrases/zh-CN';
import {
  DEFAULT_LANGUAGE,
  detectLanguage,
  LANG_PARAM,
  LANG_STORAGE_KEY,
  matchLanguage,
  type Language,
} from './languages';

/** What a key missing from every language renders as: easy to spot, and e2e looks for it. */
export const MISSING_MARK = '⟦';

/**
 * `translation`: the UI's own text. `phrase`: the server's diagnostics sentences by code, for
 * the languages other than English (English shows the server's text itself).
 */
export const resources = {
  en: { translation: en },
  'zh-CN': { translation: zhCN, phrase: phrasesZhCN },
  ja: { translation: ja, phrase: phrasesJa },
} as const;

function storedLanguage(): string | null {
  try {
    return localStorage.getItem(LANG_STORAGE_KEY);
  } catch {
    // Storage can be disabled (privacy mode); the other sources still work.
    return null;
  }
}

/** The language for this page load, from the URL, the saved choice and the browser. */
export function initialLanguage(url: URL): Language {
  return detectLanguage({
    query: url.searchParams.get(LANG_PARAM),
    stored: storedLanguage(),
    preferred: typeof navigator === 'undefined' ? [] : navigator.languages,
  });
}

/** Starts i18next synchronously (the resources are bundled) in `lng`. */
export function initI18n(lng: Language = DEFAULT_LANGUAGE): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: DEFAULT_LANGUAGE,
    ns: ['translation', 'phrase'],
    defaultNS: 'translation',
    supportedLngs: Object.keys(resources),
    initAsync: false,
    // React escapes; double escaping would print `&lt;` for names with `<`.
    interpolation: { escapeValue: false },
    parseMissingKeyHandler: (key) => `${MISSING_MARK}${key}⟧`,
  });
  applyDocumentLanguage(lng);
  return i18next;
}

function applyDocumentLanguage(lng: Language): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
}

/** Switches the page's language; `persist` saves it as the user's choice (header picker). */
export function setLanguage(lng: Language, persist: boolean): void {
  if (persist) {
    try {
      localStorage.setItem(LANG_STORAGE_KEY, lng);
    } catch {
      // Not saved; the page still switches.
    }
  }
  applyDocumentLanguage(lng);
  if (i18next.language !== lng) void i18next.changeLanguage(lng);
}

/** The language on screen now. */
export function currentLanguage(): Language {
  return matchLanguage(i18next.language) ?? DEFAULT_LANGUAGE;
}
