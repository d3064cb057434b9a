/** A cluster named in `?clusters=` that the server does not have: an error, not a wait. */
import { t } from '../../../i18n/t';
export function UnknownCluster({ name }: { name: string }) {
  return (
    <section
      className="noc-panel noc-unknown-cluster"
      role="status"
      aria-label={t('noc.clusterLabel', { name })}
    >
      <h2>
        <span aria-hidden="true">▲ </span>
        {t('noc.unknownCluster', { name })}
      </h2>
      <p>{t('noc.unknownClusterHint')}</p>
      <code>?clusters=…</code>
    </section>
  );
}
