/**
 * One resource of a cluster right now: usage against allocatable, with requests,
 * limits and capacity as exact numbers next to the bar.
 */
import { formatPercent } from '@kubeglance/shared/humanFormat';
import { percentOf } from '../lib/thresholds';
import { Unknown } from './Unknown';
import { UsageMeter } from './UsageMeter';
import { t } from '../i18n/t';

export interface ResourceTotals {
  usage: number | null;
  /** Usage % of allocatable as the server computed it (kubectl rounding). */
  percent: number | null;
  request: number;
  /** null when no pod sets a limit: shown as "none set", never as 0. */
  limit: number | null;
  allocatable: number;
  capacity: number;
  /**
   * Over partial data ("55 of 60 nodes"): `usage` and `percent` cover only the nodes that
   * reported, so usage is printed against *their* allocatable.
   */
  partial?: { text: string; allocatable: number } | null;
}

interface ResourceTileProps {
  title: string;
  tone: 'cpu' | 'memory';
  totals: ResourceTotals;
  format: (value: number) => string;
}

export function ResourceTile({ title, tone, totals, format }: ResourceTileProps) {
  const { usage, percent, request, limit, allocatable, capacity, partial } = totals;
  const share = (v: number) => formatPercent(percentOf(v, allocatable));
  return (
    <div className="stat-tile" role="group" aria-label={title}>
      <h3>{title}</h3>
      <p className="stat-big">
        {usage == null ? <Unknown text={t('common.noMetrics')} /> : format(usage)}
        <span className="stat-of">
          {' '}
          {t('tile.ofAllocatable', {
            value: format(partial ? partial.allocatable : allocatable),
          })}
        </span>
      </p>
      <p className="stat-percent">
        {percent == null ? <Unknown text={t('tile.usageUnknown')} /> : t('tile.used', { percent })}
        {partial && (
          <strong className="stat-partial">
            {' · '}
            {t('tile.partial', { reporting: partial.text })}
          </strong>
        )}
      </p>
      <UsageMeter
        usage={usage}
        request={request}
        limit={limit}
        total={allocatable}
        label={t('tile.usageLabel', { title })}
        tone={tone}
      />
      <dl className="stat-list">
        <div>
          <dt>
            <span className="legend-key" style={{ background: 'var(--request)' }} />
            {t('common.requests')}
          </dt>
          <dd>
            {format(request)} <span className="muted">({share(request)})</span>
          </dd>
        </div>
        <div>
          <dt>
            <span className="legend-key" style={{ background: 'var(--limit)' }} />
            {t('common.limits')}
          </dt>
          <dd>
            {limit == null ? (
              <Unknown text={t('common.noneSet')} />
            ) : (
              <>
                {format(limit)} <span className="muted">({share(limit)})</span>
                {limit > allocatable && (
                  <span className="overcommit"> {t('tile.overcommitted')}</span>
                )}
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('common.capacity')}</dt>
          <dd>{format(capacity)}</dd>
        </div>
      </dl>
    </div>
  );
}
