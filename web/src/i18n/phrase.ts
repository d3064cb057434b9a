/**
 * The server's structured sentences (diagnostics summaries, evidence labels, fixes) in the
 * language on screen. English shows the server's own `text`, word for word; other languages
 * render the sentence from `phrase.<code>` with the server's parameters (commands and names
 * are parameters and stay as sent). A code this build does not know yet shows the English
 * text rather than nothing.
 */
import i18next from 'i18next';
import type { Phrase } from '@kubeglance/shared/api';
import { currentLanguage } from './i18n';

export function phraseText(phrase: Phrase): string {
  if (currentLanguage() === 'en') return phrase.text;
  const key = `phrase.${phrase.code}`;
  return i18next.exists(key) ? (i18next.t(key, phrase.params) as string) : phrase.text;
}
