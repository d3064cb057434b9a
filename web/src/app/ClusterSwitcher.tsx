/**
 * Picks the cluster. Switching keeps the range, and on a namespace page stays on that
 * namespace when the new cluster has it (otherwise opens the new cluster's overview).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import type { ClusterInfo } from '@kubeglance/shared/api';
import { namespacesQuery } from '../api/namespaces';
import { namespacePath, overviewPath } from '../lib/paths';
import { t } from '../i18n/t';

interface ClusterSwitcherProps {
  clusters: readonly ClusterInfo[];
  current: string | null;
}

/** The namespace of a `/clusters/:c/namespaces/:ns` path, if that is where we are. */
function namespaceOf(pathname: string): string | null {
  const m = /^\/clusters\/[^/]+\/namespaces\/([^/]+)/.exec(pathname);
  return m ? decodeURIComponent(m[1]!) : null;
}

export function ClusterSwitcher({ clusters, current }: ClusterSwitcherProps) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { pathname } = useLocation();
  const [params] = useSearchParams();
  const range = params.get('range');
  const search = range ? `?range=${range}` : '';
  const switchTo = async (cluster: string) => {
    const ns = namespaceOf(pathname);
    let keep = false;
    if (ns != null) {
      const list = await queryClient.fetchQuery(namespacesQuery(cluster)).catch(() => null);
      keep = list?.items.some((n) => n.name === ns) ?? false;
    }
    const to = keep && ns != null ? namespacePath(cluster, ns) : overviewPath(cluster);
    void navigate({ pathname: to, search });
  };
  return (
    <label className="cluster-switcher">
      <span className="sr-only">{t('header.cluster')}</span>
      <select value={current ?? ''} onChange={(e) => void switchTo(e.target.value)}>
        {current == null && <option value="">{t('header.selectCluster')}</option>}
        {clusters.map((c) => (
          <option key={c.name} value={c.name}>
            {c.name}
            {c.status.state !== 'ok' ? ` (${t(`clusterState.${c.status.state}`)})` : ''}
          </option>
        ))}
      </select>
    </label>
  );
}
