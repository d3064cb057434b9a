/**
 * A pipeline problem in the language on screen. English shows the server's own sentences;
 * other languages say what each stable `code` means and what to do, and keep the server's
 * upstream `detail` (shown verbatim under "Details") and any command of its hint.
 */
import type { Problem } from '@kubeglance/shared/api';
import { currentLanguage } from './i18n';
import { t } from './t';

export function problemMessage(p: Pick<Problem, 'code' | 'message'>): string {
  return currentLanguage() === 'en' ? p.message : t(`problem.${p.code}.message`);
}

export function problemHint(p: Pick<Problem, 'code' | 'hint'>): string {
  return currentLanguage() === 'en' ? p.hint : t(`problem.${p.code}.hint`);
}
