/** "updated 8 s ago", ticking by itself; "stale" when beyond two resolutions. */
import { formatRelativeTime } from '@kubeglance/shared/humanFormat';
import { useNow } from '../hooks/useNow';
import { isStale } from '../lib/staleness';

interface DataAgeProps {
  timestampMs: number | null;
  resolutionSeconds: number | null;
  /** Text when there is no sample yet. */
  emptyText?: string;
}

export function DataAge({
  timestampMs,
  resolutionSeconds,
  emptyText = 'no metrics yet',
}: DataAgeProps) {
  const now = useNow();
  if (timestampMs == null) return <span className="data-age muted">{emptyText}</span>;
  const stale = isStale(timestampMs, resolutionSeconds, now);
  return (
    <span className={`data-age ${stale ? 'data-age-stale' : ''}`}>
      <time dateTime={new Date(timestampMs).toISOString()}>
        updated {formatRelativeTime(timestampMs, now)}
      </time>
      {stale && <strong> · stale</strong>}
    </span>
  );
}
