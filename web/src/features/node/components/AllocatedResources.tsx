/** "Allocated resources" exactly as `kubectl describe node` prints it, plus unbounded pods. */
import type { NodeDetail } from '@kubeglance/shared/api';
import { formatMemoryKubectl, formatMillicoresKubectl } from '@kubeglance/shared/format';

export function AllocatedResources({ detail }: { detail: NodeDetail }) {
  const { cpu, memory } = detail.allocated;
  return (
    <div className="table-scroll">
      <table className="data-table allocated" aria-label="Allocated resources">
        <thead>
          <tr>
            <th scope="col">Resource</th>
            <th scope="col" className="num">
              Requests
            </th>
            <th scope="col" className="num">
              Limits
            </th>
            <th scope="col" className="num">
              Allocatable
            </th>
            <th scope="col">Pods without a limit</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">cpu</th>
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
            <th scope="row">memory</th>
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
