/**
 * The translation function for any module, component or not. The app remounts its routes when
 * the language changes (app/App.tsx), so text computed outside React hooks follows too.
 */
import i18next from 'i18next';

export type TParams = Record<string, string | number | null | undefined>;

/** The text of `key` in the current language, with `{{name}}` placeholders filled. */
export function t(key: string, params?: TParams): string {
  return i18next.t(key, params ?? {}) as string;
}
