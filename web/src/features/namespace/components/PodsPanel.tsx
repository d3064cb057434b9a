/** Pod table container: data, derived columns, URL-backed sort, filter and expanded rows. */
import { useCallback, useMemo } from 'react';
import { useNamespacePods } from '../../../api/namespacePods';
import { describeError } from '../../../api/errors';
import { FilterInput } from '../../../components/FilterInput';
import { Panel } from '../../../components/Panel';
import { PanelMessage, queryMessage } from '../../../components/PanelMessage';
import { useCarriedSearch } from '../../../hooks/useRange';
import { useSearchState, useUrlSort, useUrlText } from '../../../hooks/useSearchState';
import { podPath } from '../../../lib/paths';
import {
  flagCounts,
  flattenRows,
  podAccessors,
  podSearchText,
  POD_SORT_KEYS,
  toPodView,
  type PodSortKey,
  type PodView,
} from '../podView';
import { matchesQuery, sortRows, type SortState } from '../../../lib/sort';
import { parseList, serializeList, toggleInList } from '../../../lib/urlState';
import { PodTable } from './PodTable';
import { t } from '../../../i18n/t';

const DEFAULT_SORT: SortState<PodSortKey> = { key: 'cpu', dir: 'desc' };
const TEXT_KEYS: PodSortKey[] = ['name', 'status', 'node'];
const podName = (v: PodView) => v.pod.name;

export function PodsPanel({ cluster, namespace }: { cluster: string; namespace: string }) {
  const pods = useNamespacePods(cluster, namespace);
  const [sort, onSort] = useUrlSort('sort', POD_SORT_KEYS, DEFAULT_SORT, TEXT_KEYS);
  const [query, setQuery] = useUrlText('q');
  const [params, update] = useSearchState();
  const search = useCarriedSearch();
  const openParam = params.get('open');
  const expanded = useMemo(() => parseList(openParam), [openParam]);

  const views = useMemo(() => (pods.data?.items ?? []).map(toPodView), [pods.data]);
  // Without a query nothing is filtered: no search texts built for 10,000 pods per sort.
  const matching = useMemo(
    () =>
      query.trim() === '' ? views : views.filter((v) => matchesQuery(query, podSearchText(v))),
    [views, query],
  );
  // Names are unique in a namespace: sorted by name, there is no tie to break.
  const visible = useMemo(
    () => sortRows(matching, sort, podAccessors, sort.key === 'name' ? undefined : podName),
    [matching, sort],
  );
  const rows = useMemo(() => flattenRows(visible, new Set(expanded)), [visible, expanded]);
  const onToggle = useCallback(
    (pod: string) => update({ open: serializeList(toggleInList(expanded, pod)) }),
    [update, expanded],
  );
  const podLink = useCallback(
    (pod: string) => podPath(cluster, namespace, pod) + search,
    [cluster, namespace, search],
  );

  const message = queryMessage(pods, describeError, t('namespace.loadingPods'));
  // Counted over the matching pods, in any order: a sort does not count again.
  const { oom, idle } = useMemo(() => flagCounts(matching), [matching]);
  return (
    <Panel
      title={t('common.pods')}
      className="pods-panel"
      actions={
        <FilterInput
          label={t('namespace.filterPods')}
          placeholder={t('namespace.filterPodsPlaceholder')}
          value={query}
          onChange={setQuery}
        />
      }
    >
      {message ??
        (views.length === 0 ? (
          <PanelMessage kind="empty">{t('namespace.noPods')}</PanelMessage>
        ) : (
          <>
            <p className="table-foot" aria-live="polite">
              {visible.length === views.length
                ? t('namespace.podCount', { n: views.length })
                : t('namespace.podsMatch', { n: visible.length, total: views.length, query })}
              {' · '}
              {t('namespace.flagCounts', { oom, idle })}
            </p>
            {visible.length === 0 ? (
              <PanelMessage kind="empty">{t('namespace.noMatch')}</PanelMessage>
            ) : (
              <PodTable
                rows={rows}
                sort={sort}
                onSort={onSort}
                onToggle={onToggle}
                podLink={podLink}
              />
            )}
          </>
        ))}
    </Panel>
  );
}
