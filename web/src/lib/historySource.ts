/** Words for where a long-range chart's data came from (`HistoryResponse.spans`). */
import type { HistorySpan } from '@kubeglance/shared/api';
import { t } from '../i18n/t';

/**
 * "Prometheus until 14:05, then kubeglance memory", or the single source; undefined when the
 * response has no spans (an in-memory range: nothing to explain).
 */
export function sourceCaption(
  spans: readonly HistorySpan[] | undefined,
  format: (ms: number) => string,
): string | undefined {
  if (!spans || spans.length === 0) return undefined;
  const [first, ...rest] = spans;
  if (rest.length === 0) {
    return first!.source === 'memory'
      ? t('charts.source.memoryOnly')
      : t('charts.source.prometheusOnly');
  }
  const parts = spans.map((s, i) =>
    i < spans.length - 1
      ? t('charts.source.until', { source: t(`charts.source.${s.source}`), time: format(s.toMs) })
      : t(`charts.source.${s.source}`),
  );
  return t('charts.source.caption', { parts: parts.join(t('charts.source.then')) });
}

/** The span drawn as "from memory" on the chart, if any. */
export function memorySpan(spans: readonly HistorySpan[] | undefined): HistorySpan | undefined {
  return spans?.find((s) => s.source === 'memory');
}
