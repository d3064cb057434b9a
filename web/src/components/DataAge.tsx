/** "updated 8 s ago", ticking by itself; marked stale beyond two resolutions. */
import { formatRelativeTime } from '@kubeglance/shared/humanFormat';
import { useNow } from '../hooks/useNow';
import { isStale } from '../lib/staleness';

interface DataAgeProps {
  /** Browser time when the newest data arrived; null: none yet. */
  updatedMs: number | null;
  resolutionSeconds: number | null;
  /** Upstream timestamp of that data, shown on hover. */
  sampleMs?: number | null;
  /** The server reports the metrics themselves as stale. */
  serverStale?: boolean;
  /** Text when there is no sample yet. */
  emptyText?: string;
}

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

export function DataAge({
  updatedMs,
  resolutionSeconds,
  sampleMs,
  serverStale = false,
  emptyText = 'no metrics yet',
}: DataAgeProps) {
  const now = useNow();
  // role="timer" names the ticking text without a live announcement every second.
  if (updatedMs == null)
    return (
      <span className="data-age muted" role="timer" aria-label="Data age">
        {emptyText}
      </span>
    );
  const stale = serverStale || isStale(updatedMs, resolutionSeconds, now);
  return (
    <span
      className={`data-age ${stale ? 'data-age-stale' : ''}`}
      role="timer"
      aria-label="Data age"
      title={
        sampleMs == null ? undefined : `metrics sample taken at ${timeFormat.format(sampleMs)}`
      }
    >
      updated {formatRelativeTime(updatedMs, now)}
      {stale && <strong> · stale</strong>}
    </span>
  );
}
