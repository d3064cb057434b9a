/** "updated 8 s ago", ticking by itself; marked stale (see lib/staleness.ts). */
import { formatDataAge } from '../lib/staleness';

interface DataAgeProps {
  /** Age of the newest sample (server clock, advanced locally); null: none yet. */
  ageMs: number | null;
  stale: boolean;
  /** Upstream timestamp of that data, shown on hover. */
  sampleMs?: number | null;
  /** Text when there is no sample yet. */
  emptyText?: string;
}

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

export function DataAge({ ageMs, stale, sampleMs, emptyText = 'no metrics yet' }: DataAgeProps) {
  // role="timer" names the ticking text without a live announcement every second.
  if (ageMs == null)
    return (
      <span
        className={`data-age ${stale ? 'data-age-stale' : 'muted'}`}
        role="timer"
        aria-label="Data age"
      >
        {emptyText}
        {stale && <strong> · stale</strong>}
      </span>
    );
  return (
    <span
      className={`data-age ${stale ? 'data-age-stale' : ''}`}
      role="timer"
      aria-label="Data age"
      data-age-ms={Math.floor(ageMs / 1000) * 1000}
      title={
        sampleMs == null ? undefined : `metrics sample taken at ${timeFormat.format(sampleMs)}`
      }
    >
      {stale ? 'STALE · data ' : 'updated '}
      {formatDataAge(ageMs)} {stale ? 'old' : 'ago'}
    </span>
  );
}
