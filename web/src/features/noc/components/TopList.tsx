/**
 * Top pods by CPU or memory, big enough to read across the room. Long names are cut
 * in the middle: the workload start and the pod hash are what tell two pods apart.
 */
import type { TopPod } from '@kubeglance/shared/api';
import { cpuColumnFormat, memoryColumnFormat, type Formatter } from '@kubeglance/shared/columnUnit';
import { MiddleEllipsis } from '../../../components/MiddleEllipsis';
import { percentOf } from '../../../lib/thresholds';

interface TopListProps {
  title: string;
  pods: readonly TopPod[];
  by: 'cpu' | 'memory';
}

export function TopList({ title, pods, by }: TopListProps) {
  // One unit for the whole list, chosen by its largest value.
  const format =
    by === 'cpu'
      ? cpuColumnFormat(pods.map((p) => p.cpuMillicores))
      : memoryColumnFormat(pods.map((p) => p.memoryBytes));
  return (
    <section className="noc-panel noc-top" aria-label={title}>
      <h2>{title}</h2>
      {pods.length === 0 ? (
        <p className="noc-empty">Metrics not available yet</p>
      ) : (
        <ol>
          {pods.map((p) => (
            <li key={`${p.namespace}/${p.name}`}>
              <MiddleEllipsis
                className="noc-top-name"
                text={p.name}
                title={`${p.namespace}/${p.name}`}
                before={<span className="noc-top-ns">{p.namespace}/</span>}
              />
              <span className="noc-top-value">{value(p, by, format)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function value(p: TopPod, by: 'cpu' | 'memory', format: Formatter): string {
  if (by === 'cpu') return p.cpuMillicores == null ? 'unknown' : format(p.cpuMillicores);
  if (p.memoryBytes == null) return 'unknown';
  const ofLimit = percentOf(p.memoryBytes, p.memoryLimitBytes);
  return format(p.memoryBytes) + (ofLimit == null ? '' : ` · ${ofLimit}% of limit`);
}
