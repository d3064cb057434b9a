/**
 * The first screen's data, asked for at once: before React renders and before the screen's
 * code has loaded, every request the URL's screen needs goes out in parallel (not one after
 * another as components mount), and the live stream opens too; its first event carries the
 * cluster's snapshot, which fills the summary, nodes and namespaces if it arrives first.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { ClusterSnapshot, HistoryRange } from '@kubeglance/shared/api';
import { clustersQuery } from '../api/clusters';
import { historyQuery } from '../api/history';
import { queryKeys } from '../api/keys';
import { onLiveSnapshot, preconnectLive } from '../api/live';
import { namespacePodsQuery } from '../api/namespacePods';
import { namespacesQuery } from '../api/namespaces';
import { nodesQuery } from '../api/nodes';
import { summaryQuery } from '../api/summary';
import { topPodsQuery } from '../api/topPods';
import { chooseCluster } from '../lib/clusterChoice';
import { parseRange } from '../lib/urlState';
import { rememberedCluster } from './currentCluster';

/** Top pods the overview lists, and the namespace charts stack (keep in step with them). */
const OVERVIEW_TOP = 10;
const NAMESPACE_TOP = 5;

/** Starts the requests of the screen at `url` (a pathname and search). */
export function prefetchFirstScreen(client: QueryClient, url: URL): void {
  if (url.pathname.startsWith('/noc')) return;
  const range = parseRange(url.searchParams.get('range'));
  const route = /^\/clusters\/([^/]+)(?:\/(namespaces|nodes|diagnostics)\/?([^/]*))?\/?$/.exec(
    url.pathname,
  );
  const clusters = client.fetchQuery(clustersQuery());
  seedFromSnapshots(client);
  preconnectLive(null);
  if (route) {
    const cluster = decodeURIComponent(route[1]!);
    screenQueries(client, cluster, route[2], decodeURIComponent(route[3] ?? ''), range);
    return;
  }
  if (url.pathname !== '/') return;
  // The default cluster is known once the list is: then everything else at once.
  void clusters.then(
    (list) => {
      const choice = chooseCluster(
        list.items.map((c) => c.name),
        undefined,
        rememberedCluster(),
      );
      if (choice.kind === 'ok') screenQueries(client, choice.name, undefined, '', range);
    },
    () => {},
  );
}

function screenQueries(
  client: QueryClient,
  cluster: string,
  screen: string | undefined,
  name: string,
  range: HistoryRange,
): void {
  void client.prefetchQuery(summaryQuery(cluster));
  if (screen === undefined) {
    void client.prefetchQuery(nodesQuery(cluster));
    void client.prefetchQuery(namespacesQuery(cluster));
    for (const sort of ['cpu', 'memory'] as const)
      void client.prefetchQuery(topPodsQuery(cluster, { sort, limit: OVERVIEW_TOP }));
    void client.prefetchQuery(historyQuery(cluster, { scope: 'cluster' }, range));
  } else if (screen === 'namespaces' && name !== '') {
    void client.prefetchQuery(namespacesQuery(cluster));
    void client.prefetchQuery(namespacePodsQuery(cluster, name));
    for (const sort of ['cpu', 'memory'] as const) {
      void client.prefetchQuery(
        topPodsQuery(cluster, { sort, limit: NAMESPACE_TOP, namespace: name }),
      );
    }
    void client.prefetchQuery(
      historyQuery(cluster, { scope: 'namespace', namespace: name }, range),
    );
  }
}

let seeding = false;

/** The stream's snapshot fills what REST has not delivered yet (never overwrites it). */
function seedFromSnapshots(client: QueryClient): void {
  if (seeding) return;
  seeding = true;
  onLiveSnapshot((s: ClusterSnapshot) => {
    const { cluster, summary } = s;
    const sampled = { timestampMs: summary.timestampMs, stale: summary.stale };
    const seed = (key: readonly unknown[], data: unknown) => {
      if (client.getQueryData(key) === undefined) client.setQueryData(key, data);
    };
    seed(queryKeys.summary(cluster), summary);
    seed(queryKeys.nodes(cluster), { items: s.nodes, ...sampled });
    seed(queryKeys.namespaces(cluster), { items: s.namespaces, ...sampled });
  });
}
