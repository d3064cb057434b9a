/**
 * The translation function for any module, component or not. The app remounts its routes when
 * the language changes (app/App.tsx), so text computed outside React hooks follows too.
 */
import i18next from 'i18next';

export type TParams = Record<string, string | number | null | undefined>;

/**
 * Texts without parameters, per language and key. The resources are bundled and never change
 * at run time, and a table re-renders the same few labels in every row on every sample
 * (i18next resolves a key in ~20 µs; a 10,000-pod namespace's first render spent ~50 ms there).
 */
const plain = new Map<string, string>();

/** The text of `key` in the current language, with `{{name}}` placeholders filled. */
export function t(key: string, params?: TParams): string {
  if (params !== undefined) return i18next.t(key, params) as string;
  const id = `${i18next.language}\u0000${key}`;
  let text = plain.get(id);
  if (text === undefined) plain.set(id, (text = i18next.t(key, {}) as string));
  return text;
}
