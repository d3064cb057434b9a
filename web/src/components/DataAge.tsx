/** "updated 8 s ago", ticking by itself; marked stale (see lib/staleness.ts). */
import { dateTimeFormat, formatAgo, formatDuration } from '../i18n/format';
import { t } from '../i18n/t';

interface DataAgeProps {
  /** Age of the newest sample (server clock, advanced locally); null: none yet. */
  ageMs: number | null;
  stale: boolean;
  /** Upstream timestamp of that data, shown on hover. */
  sampleMs?: number | null;
  /** Text when there is no sample yet. */
  emptyText?: string;
}

const TIME: Intl.DateTimeFormatOptions = { timeStyle: 'medium' };
const timeFormat = () => dateTimeFormat(TIME);

export function DataAge({ ageMs, stale, sampleMs, emptyText }: DataAgeProps) {
  // role="timer" names the ticking text without a live announcement every second.
  if (ageMs == null)
    return (
      <span
        className={`data-age ${stale ? 'data-age-stale' : 'muted'}`}
        role="timer"
        aria-label={t('dataAge.label')}
      >
        {emptyText ?? t('dataAge.noMetricsYet')}
        {stale && <strong> · {t('dataAge.stale')}</strong>}
      </span>
    );
  return (
    <span
      className={`data-age ${stale ? 'data-age-stale' : ''}`}
      role="timer"
      aria-label={t('dataAge.label')}
      data-age-ms={Math.floor(ageMs / 1000) * 1000}
      title={
        sampleMs == null
          ? undefined
          : t('dataAge.sampleTakenAt', { time: timeFormat().format(sampleMs) })
      }
    >
      {stale
        ? t('dataAge.staleOld', { age: formatDuration(ageMs) })
        : t('dataAge.updated', { ago: formatAgo(ageMs) })}
    </span>
  );
}
