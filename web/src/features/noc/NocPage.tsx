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
import { ClusterPage } from './components/ClusterPage';
import { UnknownCluster } from './components/UnknownCluster';
import { SummaryPage } from './components/SummaryPage';
import { NocHeader } from './components/NocHeader';
import { StaleBanner } from './components/StaleBanner';
import { staleReasons } from './staleness';
import { useAutoReload, useRotationTick } from './useNocLifecycle';
import './noc.css';

type Page = { kind: 'summary' } | { kind: 'cluster'; name: string };

/** Several clusters: a summary page first, then one page each. */
function nocPages(names: readonly string[]): Page[] {
  const detail: Page[] = names.map((name) => ({ kind: 'cluster', name }));
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
  const pages = nocPages(names);
  const pageIndex = pages.length > 0 ? tick % pages.length : 0;
  const page = pages[pageIndex];
  const reasons = staleReasons(live, names, now);
  useDocumentTitle(
    `${reasons.length > 0 ? 'STALE · ' : ''}Wall screen · ${names.join(', ') || 'all clusters'}`,
  );
  const shown = page?.kind === 'cluster' ? live.clusters[page.name] : undefined;
  // The data age (lib/staleness.ts): of the page's cluster, or the oldest of all.
  const ages = names.map((n) => {
    const c = live.clusters[n];
    return c ? dataAgeAt(c, now) : null;
  });
  const ageMs =
    page?.kind === 'cluster'
      ? (ages[names.indexOf(page.name)] ?? null)
      : ages.includes(null)
        ? null
        : Math.max(...(ages as number[]));

  return (
    <div className={`noc ${reasons.length > 0 ? 'noc-is-stale' : ''}`} data-theme={opts.theme}>
      <NocHeader
        title={
          page?.kind === 'cluster' ? page.name : names.length > 1 ? 'All clusters' : 'kubeglance'
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
          <p className="noc-waiting">Connecting to the kubeglance server…</p>
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
        ) : shown ? (
          <ClusterPage cluster={shown} namespaces={opts.namespaces} tick={tick} />
        ) : (
          <p className="noc-waiting">Waiting for data from {page.name}…</p>
        )}
      </main>
    </div>
  );
}
