/**
 * A pipeline problem in the language on screen. English shows the server's own sentences;
 * other languages say what each stable `code` means and what to do, and keep the server's
 * upstream `detail` (shown verbatim under "Details") and any command of its hint. A problem
 * that carries parameters (node names, counts, seconds, the user and permission of a 403) is
 * said with them (`.named`); kubeglance's own detail lines are said too (problemDetail.ts).
 */
import type { Problem } from '@kubeglance/shared/api';
import { isNameList, phraseParamsSchema, type PhraseParams } from '@kubeglance/shared/phrase';
import i18next from 'i18next';
import { currentLanguage } from './i18n';
import { renderParams } from './params';
import { kindWord } from './problemDetail';
import { t } from './t';

type Said = Pick<Problem, 'code' | 'message' | 'params'>;

const FORBIDDEN = new Set(['metrics-forbidden', 'inventory-forbidden']);

/**
 * Parameters that are kubeglance's words rather than names: resource kinds (`kinds`) in the
 * language's terms, and a 403's scope (`namespace`, empty at the cluster scope) as a phrase.
 */
function localWords(params: PhraseParams): PhraseParams {
  const { kinds, namespace } = params;
  const out = { ...params };
  if (kinds !== undefined && isNameList(kinds)) {
    out.kinds = { ...kinds, names: kinds.names.map(kindWord) };
  }
  if (typeof namespace === 'string') {
    out.scope = namespace
      ? t('problemDetail.forbidden.namespace', { namespace })
      : t('problemDetail.forbidden.cluster');
  }
  return out;
}

/** The problem's parameters as text, or null when it has none (or none on the contract). */
function rendered(p: Pick<Problem, 'params'>): Record<string, string> | null {
  if (p.params === undefined) return null;
  const parsed = phraseParamsSchema.safeParse(p.params);
  return parsed.success ? renderParams(localWords(parsed.data)) : null;
}

export function problemMessage(p: Said): string {
  if (currentLanguage() === 'en') return p.message;
  const params = rendered(p);
  if (params !== null && i18next.exists(`problem.${p.code}.named`)) {
    return t(`problem.${p.code}.named`, params);
  }
  return t(`problem.${p.code}.message`);
}

export function problemHint(p: Pick<Problem, 'code' | 'hint' | 'params'>): string {
  if (currentLanguage() === 'en') return p.hint;
  const { user, rule } = p.params ?? {};
  // A 403 that names the permission: the rule to add, or why the user is anonymous.
  if (FORBIDDEN.has(p.code) && typeof rule === 'string') {
    return user === 'system:anonymous'
      ? t('problemDetail.forbidden.anonymousHint')
      : t('problemDetail.forbidden.ruleHint', { rule });
  }
  return t(`problem.${p.code}.hint`);
}
