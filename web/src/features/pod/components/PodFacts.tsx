/** Node, QoS class, phase, age, restarts and current usage of one pod. */
import type { PodRow } from '@kubeglance/shared/api';
import { formatMemoryKubectl, formatMillicoresKubectl } from '@kubeglance/shared/format';
import { formatAge } from '@kubeglance/shared/humanFormat';
import { Badge } from '../../../components/Badge';
import { Unknown } from '../../../components/Unknown';
import { useNow } from '../../../hooks/useNow';
import { t } from '../../../i18n/t';
import { dateTimeFormat } from '../../../i18n/format';

const CREATED: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'medium' };
const metricsText = (state: PodRow['metrics']) => t(`pod.metricsState.${state}`);

export function PodFacts({ pod }: { pod: PodRow }) {
  const now = useNow(5_000);
  return (
    <dl className="facts">
      <div>
        <dt>{t('pod.phase')}</dt>
        <dd>
          <Badge
            tone={pod.phase === 'Running' ? 'ok' : pod.phase === 'Pending' ? 'warn' : 'neutral'}
          >
            {pod.phase}
          </Badge>
        </dd>
      </div>
      <div>
        <dt>{t('namespace.col.node')}</dt>
        <dd className="mono">{pod.node ?? <Unknown text={t('namespace.notScheduled')} />}</dd>
      </div>
      <div>
        <dt>{t('pod.qosClass')}</dt>
        <dd>{pod.qosClass}</dd>
      </div>
      <div>
        <dt>{t('pod.age')}</dt>
        <dd title={dateTimeFormat(CREATED).format(pod.createdMs)}>
          {formatAge(now - pod.createdMs)}
        </dd>
      </div>
      <div>
        <dt>{t('namespace.col.restarts')}</dt>
        <dd>{pod.restarts}</dd>
      </div>
      <div>
        <dt>{t('pod.metrics')}</dt>
        <dd>{metricsText(pod.metrics)}</dd>
      </div>
      <div>
        <dt>CPU</dt>
        <dd>
          {pod.cpu.usageMillicores == null ? (
            <Unknown text={metricsText(pod.metrics)} />
          ) : (
            formatMillicoresKubectl(pod.cpu.usageMillicores)
          )}
        </dd>
      </div>
      <div>
        <dt>{t('common.memory')}</dt>
        <dd>
          {pod.memory.usageBytes == null ? (
            <Unknown text={metricsText(pod.metrics)} />
          ) : (
            formatMemoryKubectl(pod.memory.usageBytes)
          )}
        </dd>
      </div>
    </dl>
  );
}
