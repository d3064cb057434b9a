/**
 * The wall screen: live over SSE only, no mouse, fits the screen without scrolling,
 * rotates pages, says STALE when the data stops, and recovers by itself.
 */
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useLiveStream } from '../../api/live';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useNow } from '../../hooks/useNow';
import { parseNocOptions } from '../../lib/nocParams';
import { dataAgeAt } from '../../lib/staleness';
import type { LiveCluster } from '../../api/liveState';
import { ClusterPage } from './components/ClusterPage';
import { NODES_PAGE_FROM, NodesPage } from './components/NodesPage';
import { UnknownCluster } from './components/UnknownCluster';
import { SummaryPage } from './components/SummaryPage';
import { NocHeader } from './components/NocHeader';
import { StaleBanner } from './components/StaleBanner';
import { staleReasons } from './staleness';
import { useAutoReload, useRotationTick } from './useNocLifecycle';
import './noc.css';
import { t } from '../../i18n/t';
import { useLanguage } from '../../i18n/useLanguage';

type Page = { kind: 'summary' } | { kind: 'cluster' | 'nodes'; name: string };

/**
 * Several clusters: a summary page first, then one page each; a big cluster's nodes also
 * get a page, where every tile has room for its name.
 */
function nocPages(names: readonly string[], clusters: Record<string, LiveCluster>): Page[] {
  const detail: Page[] = names.flatMap((name): Page[] =>
    (clusters[name]?.nodes.length ?? 0) > NODES_PAGE_FROM
      ? [
          { kind: 'cluster', name },
          { kind: 'nodes', name },
        ]
      : [{ kind: 'cluster', name }],
  );
  return names.length > 1 ? [{ kind: 'summary' }, ...detail] : detail;
}

export default function NocPage() {
  const [params] = useSearchParams();
  const opts = useMemo(() => parseNocOptions(params), [params]);
  const live = useLiveStream(opts.clusters.length > 0 ? opts.clusters : null);
  const now = useNow(1000);
  const tick = useRotationTick(opts.rotateMs);
  useAutoReload(live, opts.reloadMs);

  const names = opts.clusters.length > 0 ? opts.clusters : live.clusterNames;
  const pages = nocPages(names, live.clusters);
  const pageIndex = pages.length > 0 ? tick % pages.length : 0;
  const page = pages[pageIndex];
  const reasons = staleReasons(live, names, now);
  useDocumentTitle(
    `${reasons.length > 0 ? `${t('common.staleMark')} · ` : ''}${t('header.wallScreen')} · ${names.join(', ') || t('noc.allClustersLower')}`,
  );
  const [language] = useLanguage();
  const shown = page && page.kind !== 'summary' ? live.clusters[page.name] : undefined;
  // The data age (lib/staleness.ts): of the page's cluster, or the oldest of all.
  // Unknown clusters have no data and never will: they are error tiles, not "no data yet".
  const ages = names
    .filter((n) => !live.unknownClusters.includes(n))
    .map((n) => {
      const c = live.clusters[n];
      return c ? dataAgeAt(c, now) : null;
    });
  const ageMs =
    page && page.kind !== 'summary'
      ? live.clusters[page.name]
        ? dataAgeAt(live.clusters[page.name]!, now)
        : null
      : ages.includes(null)
        ? null
        : Math.max(...(ages as number[]));

  return (
    <div className={`noc ${reasons.length > 0 ? 'noc-is-stale' : ''}`} data-theme={opts.theme}>
      <NocHeader
        title={
          page?.kind === 'nodes'
            ? t('noc.nodesPageTitle', { cluster: page.name })
            : page?.kind === 'cluster'
              ? page.name
              : names.length > 1
                ? t('noc.allClusters')
                : 'kubeglance'
        }
        simulated={shown?.simulated ?? false}
        namespaces={opts.namespaces}
        page={pageIndex}
        pages={pages.length}
        connection={live.connection}
        ageMs={ageMs}
        now={now}
      />
      {reasons.length > 0 && <StaleBanner reasons={reasons} />}
      <main className="noc-main">
        {!page ? (
          <p className="noc-waiting">{t('noc.connecting')}</p>
        ) : page.kind === 'summary' ? (
          <SummaryPage
            names={names}
            clusters={live.clusters}
            unknown={live.unknownClusters}
            namespaces={opts.namespaces}
            now={now}
            tick={tick}
          />
        ) : live.unknownClusters.includes(page.name) ? (
          <UnknownCluster name={page.name} />
        ) : shown && page.kind === 'nodes' ? (
          <NodesPage cluster={shown} language={language} />
        ) : shown ? (
          <ClusterPage
            cluster={shown}
            namespaces={opts.namespaces}
            tick={tick}
            now={now}
            stale={reasons.length > 0}
          />
        ) : (
          <p className="noc-waiting">{t('noc.waitingFor', { cluster: page.name })}</p>
        )}
      </main>
    </div>
  );
}
