/** Product name, cluster switcher, simulated badge, range, data age, theme. */
import { Link, NavLink } from 'react-router';
import { HISTORY_RANGES } from '@kubeglance/shared/api';
import type { LiveState } from '../api/liveState';
import { Badge } from '../components/Badge';
import { DataAge } from '../components/DataAge';
import { SegmentedControl } from '../components/SegmentedControl';
import { useDataAge } from '../hooks/useDataAge';
import { useRange } from '../hooks/useRange';
import { ClusterSwitcher } from './ClusterSwitcher';
import { useCurrentCluster } from './currentCluster';
import { ThemeToggle } from './ThemeToggle';
import { LanguagePicker } from '../i18n/LanguagePicker';
import { t } from '../i18n/t';

export function Header({ live }: { live: LiveState }) {
  const { choice, info, clusters } = useCurrentCluster();
  const current = choice.kind === 'ok' ? choice.name : null;
  const [range, setRange] = useRange();
  return (
    <header className="app-header">
      <Link to="/" className="brand">
        <span className="brand-mark" aria-hidden="true" />
        kubeglance
      </Link>
      {clusters.data && <ClusterSwitcher clusters={clusters.data.items} current={current} />}
      {info?.simulated && (
        <Badge tone="info" title={t('header.simulatedTitle')}>
          {t('header.simulated')}
        </Badge>
      )}
      <nav aria-label={t('header.mainNav')} className="app-nav">
        {current && (
          <NavLink to={`/clusters/${encodeURIComponent(current)}`} end>
            {t('header.overview')}
          </NavLink>
        )}
        <NavLink to="/noc">{t('header.wallScreen')}</NavLink>
      </nav>
      <div className="app-header-right">
        {current && <HeaderDataAge cluster={current} live={live} />}
        <SegmentedControl
          label={t('header.timeRange')}
          // Long ranges only where the server has a Prometheus for this cluster.
          options={info?.historyRanges ?? HISTORY_RANGES}
          value={range}
          onChange={setRange}
        />
        <LanguagePicker />
        <ThemeToggle />
      </div>
    </header>
  );
}

function HeaderDataAge({ cluster, live }: { cluster: string; live: LiveState }) {
  const age = useDataAge(cluster, live.clusters[cluster]);
  return <DataAge ageMs={age.ageMs} stale={age.stale} sampleMs={age.sampleMs} />;
}
