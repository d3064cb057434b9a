/**
 * Top pods by CPU or memory, big enough to read across the room. Names are never cut: the
 * namespace is left out when the pod name already starts with it, and a long name wraps
 * onto a second line at its dashes (the row is two lines tall, the value beside it).
 */
import type { TopPod } from '@kubeglance/shared/api';
import { cpuColumnFormat, memoryColumnFormat, type Formatter } from '@kubeglance/shared/columnUnit';
import { BreakableName } from '../../../components/BreakableName';
import { percentOf } from '../../../lib/thresholds';
import { t } from '../../../i18n/t';

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
        <p className="noc-empty">{t('noc.noMetricsYet')}</p>
      ) : (
        <ol>
          {pods.map((p) => (
            <li key={`${p.namespace}/${p.name}`}>
              {p.name.startsWith(`${p.namespace}-`) ? (
                <span className="noc-top-name" title={`${p.namespace}/${p.name}`}>
                  <span className="sr-only">{p.namespace}/</span>
                  <BreakableName name={p.name} />
                </span>
              ) : (
                // With its namespace the name is longer: it fills both lines, cut anywhere.
                <span
                  className="noc-top-name noc-top-name-dense"
                  title={`${p.namespace}/${p.name}`}
                >
                  <span className="noc-top-ns">{p.namespace}/</span>
                  {p.name}
                </span>
              )}
              <Value pod={p} by={by} format={format} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The usage; for memory also its share of the limit, on a line of its own if need be. */
function Value({ pod: p, by, format }: { pod: TopPod; by: 'cpu' | 'memory'; format: Formatter }) {
  const usage = by === 'cpu' ? p.cpuMillicores : p.memoryBytes;
  if (usage == null) return <span className="noc-top-value">{t('common.unknown')}</span>;
  // "1.78 cores" may break before its unit: the name gets the room.
  if (by === 'cpu') return <span className="noc-top-value">{format(usage)}</span>;
  const ofLimit = percentOf(p.memoryBytes, p.memoryLimitBytes);
  return (
    <span className="noc-top-value">
      <span>{format(usage)}</span>
      {ofLimit != null && (
        <>
          {' · '}
          <span>{t('noc.ofLimit', { percent: ofLimit })}</span>
        </>
      )}
    </span>
  );
}
