/**
 * A pipeline problem in the language on screen. English shows the server's own sentences;
 * other languages say what each stable `code` means and what to do, and keep the server's
 * upstream `detail` (shown verbatim under "Details") and any command of its hint. A problem
 * that carries parameters (node names, counts, seconds) is said with them (`.named`).
 */
import type { Problem } from '@kubeglance/shared/api';
import i18next from 'i18next';
import { currentLanguage } from './i18n';
import { renderParams } from './params';
import { t } from './t';

export function problemMessage(p: Pick<Problem, 'code' | 'message' | 'params'>): string {
  if (currentLanguage() === 'en') return p.message;
  const params = p.params === undefined ? null : renderParams(p.params);
  if (params !== null && i18next.exists(`problem.${p.code}.named`)) {
    return t(`problem.${p.code}.named`, params);
  }
  return t(`problem.${p.code}.message`);
}

export function problemHint(p: Pick<Problem, 'code' | 'hint'>): string {
  return currentLanguage() === 'en' ? p.hint : t(`problem.${p.code}.hint`);
}
