/**
 * A problem's detail in the language on screen. Upstream detail (HTTP status, the apiserver's
 * message) is shown verbatim in every language; kubeglance's own detail comes line by line as
 * phrases (`details`: relists per kind, dropped metrics items and why) and is said here. A line
 * this build has no words for shows the whole detail in the server's English.
 */
import type { Phrase, Problem } from '@kubeglance/shared/api';
import i18next from 'i18next';
import { currentLanguage } from './i18n';
import { formatNumber } from './format';
import { t } from './t';

/** The detail to show, and whether it is the server's own text (shown as code, untranslated). */
export interface ShownDetail {
  text: string;
  verbatim: boolean;
}

const KINDS = new Set(['nodes', 'pods', 'namespaces']);
const ITEMS = new Set(['pod', 'node', 'item']);

/** `nodes`, `pods`, `namespaces` in the language's terms (Pod stays Pod). */
export function kindWord(kind: string): string {
  return KINDS.has(kind) ? t(`problemDetail.kind.${kind}`) : kind;
}

function line(phrase: Phrase): string | null {
  const { kind, name, n, value } = phrase.params;
  if (phrase.code === 'watch-churn.relists' && typeof kind === 'string' && typeof n === 'number') {
    return t('problemDetail.relists', { kind: kindWord(kind), n: formatNumber(n) });
  }
  const reason = /^malformed-metrics\.([\w-]+)$/.exec(phrase.code)?.[1];
  const key = `problemDetail.dropped.${reason}`;
  if (reason === undefined || !i18next.exists(key) || typeof kind !== 'string' || !ITEMS.has(kind))
    return null;
  const item = t(`problemDetail.item.${kind}`, { name: String(name ?? '') });
  return t(`problemDetail.dropped.${reason}`, { item, value: String(value ?? '') });
}

export function problemDetail(p: Pick<Problem, 'detail' | 'details'>): ShownDetail | null {
  if (!p.detail) return null;
  if (currentLanguage() === 'en' || !p.details?.length) return { text: p.detail, verbatim: true };
  const lines = p.details.map(line);
  if (lines.some((l) => l === null)) return { text: p.detail, verbatim: true };
  return { text: lines.join('\n'), verbatim: false };
}
