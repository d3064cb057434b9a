/** Picks the cluster; switching opens the new cluster's overview with the same range. */
import { useNavigate, useSearchParams } from 'react-router';
import type { ClusterInfo } from '@kubeglance/shared/api';

interface ClusterSwitcherProps {
  clusters: readonly ClusterInfo[];
  current: string | null;
}

export function ClusterSwitcher({ clusters, current }: ClusterSwitcherProps) {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const range = params.get('range');
  return (
    <label className="cluster-switcher">
      <span className="sr-only">Cluster</span>
      <select
        value={current ?? ''}
        onChange={(e) =>
          navigate({
            pathname: `/clusters/${encodeURIComponent(e.target.value)}`,
            search: range ? `?range=${range}` : '',
          })
        }
      >
        {current == null && <option value="">Select a cluster</option>}
        {clusters.map((c) => (
          <option key={c.name} value={c.name}>
            {c.name}
            {c.status.state !== 'ok' ? ` (${c.status.state})` : ''}
          </option>
        ))}
      </select>
    </label>
  );
}
