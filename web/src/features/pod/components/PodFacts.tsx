/** Node, QoS class, phase, age, restarts and current usage of one pod. */
import type { PodRow } from '@kubeglance/shared/api';
import { formatMemoryKubectl, formatMillicoresKubectl } from '@kubeglance/shared/format';
import { formatAge } from '@kubeglance/shared/humanFormat';
import { Badge } from '../../../components/Badge';
import { Unknown } from '../../../components/Unknown';
import { useNow } from '../../../hooks/useNow';

const METRICS_TEXT = {
  ok: 'available',
  'warming-up': 'warming up',
  missing: 'no metrics',
} as const;

export function PodFacts({ pod }: { pod: PodRow }) {
  const now = useNow(5_000);
  return (
    <dl className="facts">
      <div>
        <dt>Phase</dt>
        <dd>
          <Badge
            tone={pod.phase === 'Running' ? 'ok' : pod.phase === 'Pending' ? 'warn' : 'neutral'}
          >
            {pod.phase}
          </Badge>
        </dd>
      </div>
      <div>
        <dt>Node</dt>
        <dd className="mono">{pod.node ?? <Unknown text="not scheduled" />}</dd>
      </div>
      <div>
        <dt>QoS class</dt>
        <dd>{pod.qosClass}</dd>
      </div>
      <div>
        <dt>Age</dt>
        <dd title={new Date(pod.createdMs).toLocaleString()}>{formatAge(now - pod.createdMs)}</dd>
      </div>
      <div>
        <dt>Restarts</dt>
        <dd>{pod.restarts}</dd>
      </div>
      <div>
        <dt>Metrics</dt>
        <dd>{METRICS_TEXT[pod.metrics]}</dd>
      </div>
      <div>
        <dt>CPU</dt>
        <dd>
          {pod.cpu.usageMillicores == null ? (
            <Unknown text={METRICS_TEXT[pod.metrics]} />
          ) : (
            formatMillicoresKubectl(pod.cpu.usageMillicores)
          )}
        </dd>
      </div>
      <div>
        <dt>Memory</dt>
        <dd>
          {pod.memory.usageBytes == null ? (
            <Unknown text={METRICS_TEXT[pod.metrics]} />
          ) : (
            formatMemoryKubectl(pod.memory.usageBytes)
          )}
        </dd>
      </div>
    </dl>
  );
}
