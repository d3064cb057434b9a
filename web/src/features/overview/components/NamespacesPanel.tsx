/** Namespace table container: data plus URL-backed sort and filter. */
import { useMemo } from 'react';
import { useNamespaces } from '../../../api/namespaces';
import { describeError } from '../../../api/errors';
import { FilterInput } from '../../../components/FilterInput';
import { Panel } from '../../../components/Panel';
import { PanelMessage, queryMessage } from '../../../components/PanelMessage';
import { useCarriedSearch } from '../../../hooks/useRange';
import { useUrlSort, useUrlText } from '../../../hooks/useSearchState';
import { namespacePath } from '../../../lib/paths';
import { matchesQuery, sortRows, type SortState } from '../../../lib/sort';
import {
  namespaceAccessors,
  NAMESPACE_SORT_KEYS,
  NamespaceTable,
  type NamespaceSortKey,
} from './NamespaceTable';
import { t } from '../../../i18n/t';

const DEFAULT_SORT: SortState<NamespaceSortKey> = { key: 'cpu', dir: 'desc' };
const TEXT_KEYS: NamespaceSortKey[] = ['name'];

export function NamespacesPanel({ cluster }: { cluster: string }) {
  const namespaces = useNamespaces(cluster);
  const [sort, onSort] = useUrlSort('nssort', NAMESPACE_SORT_KEYS, DEFAULT_SORT, TEXT_KEYS);
  const [query, setQuery] = useUrlText('nsq');
  const search = useCarriedSearch();
  const items = namespaces.data?.items;
  const rows = useMemo(
    () =>
      sortRows(
        (items ?? []).filter((n) => matchesQuery(query, [n.name])),
        sort,
        namespaceAccessors,
        (n) => n.name,
      ),
    [items, query, sort],
  );
  const message = queryMessage(namespaces, describeError, t('overview.loadingNamespaces'));
  return (
    <Panel
      title={t('common.namespaces')}
      actions={
        <FilterInput label={t('overview.filterNamespaces')} value={query} onChange={setQuery} />
      }
    >
      {message ??
        (items?.length === 0 ? (
          <PanelMessage kind="empty">{t('overview.noNamespaces')}</PanelMessage>
        ) : (
          <NamespaceTable
            namespaces={rows}
            sort={sort}
            onSort={onSort}
            linkTo={(ns) => namespacePath(cluster, ns) + search}
          />
        ))}
    </Panel>
  );
}
