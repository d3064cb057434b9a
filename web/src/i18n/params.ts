/**
 * The parameters of the server's sentences (diagnostics phrases, pipeline problems) as text in
 * the language on screen: name lists through `Intl.ListFormat`, with what was left out counted
 * last ("node-1, node-2, and 3 more" / "node-1、node-2和其他 3 个" / "node-1、node-2、他 3 件"),
 * numbers and durations (`…Ms`) through `Intl`. Names and upstream strings stay as sent.
 */
import { isNameList, phraseParamsSchema, type NameList } from '@kubeglance/shared/phrase';
import { currentLanguage } from './i18n';
import { formatDuration, formatNumber } from './format';
import { t } from './t';

/** A list of names, and how many more there are, in the language on screen. */
export function formatNames(list: NameList): string {
  const more = list.total - list.names.length;
  const items =
    more > 0 ? [...list.names, t('common.nMore', { n: formatNumber(more) })] : list.names;
  return new Intl.ListFormat(currentLanguage(), { type: 'conjunction' }).format(items);
}

/** A duration (`…Ms`, as the API names them) in the locale's words, any other number as a count. */
function formatValue(key: string, value: number): string {
  return key.endsWith('Ms') ? formatDuration(value) : formatNumber(value);
}

/**
 * The server's parameters ready for i18next, or null when they are not what the contract says
 * (an older or newer server): the caller then shows the server's English sentence.
 */
export function renderParams(params: unknown): Record<string, string> | null {
  const parsed = phraseParamsSchema.safeParse(params);
  if (!parsed.success) return null;
  return Object.fromEntries(
    Object.entries(parsed.data).map(([k, v]) => [
      k,
      isNameList(v) ? formatNames(v) : typeof v === 'number' ? formatValue(k, v) : v,
    ]),
  );
}
