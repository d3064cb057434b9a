/**
 * The languages kubeglance speaks and how the one on screen is chosen: `?lang=` first (a wall
 * screen can be pinned with `/noc?lang=ja`), then the choice saved from the header, then the
 * browser's preferred languages, then English.
 */

export const LANGUAGES = ['en', 'zh-CN', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'en';

/** Each language's name in itself, for the picker. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  'zh-CN': '简体中文',
  ja: '日本語',
};

/** The query parameter and the local-storage key that carry the choice. */
export const LANG_PARAM = 'lang';
export const LANG_STORAGE_KEY = 'kubeglance.lang';

/**
 * The supported language a BCP 47 tag asks for, or null. `zh`, `zh-CN`, `zh-Hans`, `zh-SG`
 * are Simplified Chinese; Traditional (`zh-TW`, `zh-HK`, `zh-Hant`) is not offered, so those
 * fall through to the next preference rather than being shown a script they did not ask for.
 */
export function matchLanguage(tag: string | null | undefined): Language | null {
  if (!tag) return null;
  const parts = tag.trim().toLowerCase().replace(/_/g, '-').split('-');
  const [base, ...rest] = parts;
  if (base === 'en') return 'en';
  if (base === 'ja') return 'ja';
  if (base === 'zh') {
    if (rest.some((p) => p === 'hant' || p === 'tw' || p === 'hk' || p === 'mo')) return null;
    return 'zh-CN';
  }
  return null;
}

export interface LanguageSources {
  query: string | null;
  stored: string | null;
  preferred: readonly string[];
}

/** `?lang=` > saved choice > browser languages (in order) > English. */
export function detectLanguage({ query, stored, preferred }: LanguageSources): Language {
  return (
    matchLanguage(query) ??
    matchLanguage(stored) ??
    preferred.map(matchLanguage).find((l) => l !== null) ??
    DEFAULT_LANGUAGE
  );
}
