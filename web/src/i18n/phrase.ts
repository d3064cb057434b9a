/**
 * The server's structured sentences (diagnostics summaries, evidence labels, fixes) in the
 * language on screen. English shows the server's own `text`, word for word; other languages
 * render the sentence from `phrase.<code>` with the server's parameters (commands and names
 * are parameters and stay as sent; name lists and numbers follow the locale, see params.ts).
 * A code this build does not know yet, or parameters off the contract, show the English text
 * rather than nothing.
 */
import i18next from 'i18next';
import type { Phrase } from '@kubeglance/shared/api';
import { currentLanguage } from './i18n';
import { renderParams } from './params';

export function phraseText(phrase: Phrase): string {
  if (currentLanguage() === 'en') return phrase.text;
  const key = phraseKey(phrase.code);
  if (!i18next.exists(key, { ns: 'phrase', lng: currentLanguage(), fallbackLng: false })) {
    return phrase.text;
  }
  const params = renderParams(phrase.params);
  if (params === null) return phrase.text;
  const { because } = params;
  return i18next.t(key, {
    ...params,
    ns: 'phrase',
    // "Not checked: the <link> link must work first" names the link by its title.
    ...(because == null ? {} : { becauseTitle: i18next.t(`diagnostics.title.${because}`) }),
  }) as string;
}

/** `rbac.not-checked` and the like read the same for every link: one sentence for all. */
export function phraseKey(code: string): string {
  const shared = /\.(not-checked)$/.exec(code);
  return shared ? `any.${shared[1]}` : code;
}
