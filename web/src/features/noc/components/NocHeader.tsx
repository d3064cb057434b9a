/** Wall-screen title bar: what is shown, page position, connection, data age, clock. */
import type { ConnectionInfo } from '../../../api/streamClient';
import { dateTimeFormat, formatAgo } from '../../../i18n/format';
import { t } from '../../../i18n/t';

interface NocHeaderProps {
  title: string;
  simulated: boolean;
  /** The `?namespaces=` filter, said out loud so nobody misreads a partial view. */
  namespaces: readonly string[];
  page: number;
  pages: number;
  connection: ConnectionInfo;
  /** Age of the data shown (lib/staleness.ts); null: none yet. */
  ageMs: number | null;
  now: number;
}

const CLOCK: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
const clock = () => dateTimeFormat(CLOCK);

export function NocHeader({
  title,
  simulated,
  namespaces,
  page,
  pages,
  connection,
  ageMs,
  now,
}: NocHeaderProps) {
  return (
    <header className="noc-header">
      <span className="noc-brand">kubeglance</span>
      <h1>{title}</h1>
      {simulated && <span className="noc-tag">{t('header.simulated')}</span>}
      {namespaces.length > 0 && (
        <span className="noc-age">
          {t('noc.podsIn', { namespaces: namespaces.join(t('common.listSeparator')) })}
        </span>
      )}
      <span className="noc-header-right">
        {connection.state !== 'open' && (
          <span className="noc-conn">
            {connection.state === 'connecting'
              ? t('noc.conn.connecting')
              : connection.state === 'refused'
                ? t('noc.conn.refused')
                : t('noc.conn.reconnecting')}
          </span>
        )}
        {/* A timer, not a live region: it changes every second and must not chatter. */}
        <span className="noc-age" role="timer" aria-label={t('dataAge.label')}>
          {ageMs == null ? t('noc.noDataYet') : t('dataAge.updated', { ago: formatAgo(ageMs) })}
        </span>
        {pages > 1 && (
          <span
            className="noc-pages"
            role="img"
            aria-label={t('noc.pageOf', { page: page + 1, pages })}
          >
            {Array.from({ length: pages }, (_, i) => (
              <span key={i} className={i === page ? 'on' : undefined} aria-hidden="true" />
            ))}
          </span>
        )}
        <time className="noc-clock">{clock().format(now)}</time>
      </span>
    </header>
  );
}
