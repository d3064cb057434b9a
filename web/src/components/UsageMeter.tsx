/**
 * Usage against capacity as a bar, with requests and limits as tick marks. The
 * exact numbers sit next to it in text; the bar is only a reading aid.
 */
import { t } from '../i18n/t';
interface UsageMeterProps {
  /** null: no metrics — the bar is hatched, not empty. */
  usage: number | null;
  request: number;
  limit: number | null;
  total: number;
  /** Accessible name, e.g. "CPU usage". */
  label: string;
  tone: 'cpu' | 'memory';
}

const pct = (value: number, total: number) =>
  total > 0 ? Math.min(100, (value / total) * 100) : 0;

export function UsageMeter({ usage, request, limit, total, label, tone }: UsageMeterProps) {
  const now = usage == null ? null : Math.trunc(pct(usage, total));
  return (
    <div
      className={`meter meter-${tone} ${usage == null ? 'meter-unknown' : ''}`}
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={now ?? undefined}
      aria-valuetext={
        now == null ? t('common.unknown') : t('meter.ofAllocatable', { percent: now })
      }
    >
      {usage != null && <div className="meter-fill" style={{ width: `${pct(usage, total)}%` }} />}
      {request > 0 && (
        <div className="meter-mark meter-request" style={{ left: `${pct(request, total)}%` }} />
      )}
      {limit != null && limit > 0 && (
        <div className="meter-mark meter-limit" style={{ left: `${pct(limit, total)}%` }} />
      )}
    </div>
  );
}
