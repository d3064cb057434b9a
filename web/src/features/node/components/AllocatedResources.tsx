/** "Allocated resources" exactly as `kubectl describe node` prints it, plus unbounded pods. */
import type { NodeDetail } from '@kubeglance/shared/api';
import { formatMemoryKubectl, formatMillicoresKubectl } from '@kubeglance/shared/format';
import { t } from '../../../i18n/t';

export function AllocatedResources({ detail }: { detail: NodeDetail }) {
  const { cpu, memory } = detail.allocated;
  return (
    <div className="table-scroll">
      <table className="data-table allocated" aria-label={t('node.allocated')}>
        <thead>
          <tr>
            <th scope="col">{t('node.resource')}</th>
            <th scope="col" className="num">
              {t('common.requests')}
            </th>
            <th scope="col" className="num">
              {t('common.limits')}
            </th>
            <th scope="col" className="num">
              {t('node.allocatableCol')}
            </th>
            <th scope="col">{t('node.podsWithoutLimit')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row" translate="no">
              cpu
            </th>
            <td className="num">
              {formatMillicoresKubectl(cpu.requests)} ({cpu.requestsPercent}%)
            </td>
            <td className="num">
              {formatMillicoresKubectl(cpu.limits)} ({cpu.limitsPercent}%)
            </td>
            <td className="num">
              {formatMillicoresKubectl(detail.node.cpu.allocatableMillicores)}
            </td>
            <td>{detail.podsWithoutCpuLimit}</td>
          </tr>
          <tr>
            <th scope="row" translate="no">
              memory
            </th>
            <td className="num">
              {formatMemoryKubectl(memory.requests)} ({memory.requestsPercent}%)
            </td>
            <td className="num">
              {formatMemoryKubectl(memory.limits)} ({memory.limitsPercent}%)
            </td>
            <td className="num">{formatMemoryKubectl(detail.node.memory.allocatableBytes)}</td>
            <td>{detail.podsWithoutMemoryLimit}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
