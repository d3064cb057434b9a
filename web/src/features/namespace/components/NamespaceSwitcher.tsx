/** Jump to another namespace of the same cluster, keeping the range. */
import { useNavigate } from 'react-router';
import { useNamespaces } from '../../../api/namespaces';
import { useCarriedSearch } from '../../../hooks/useRange';
import { namespacePath } from '../../../lib/paths';
import { t } from '../../../i18n/t';

export function NamespaceSwitcher({ cluster, namespace }: { cluster: string; namespace: string }) {
  const namespaces = useNamespaces(cluster);
  const navigate = useNavigate();
  const search = useCarriedSearch();
  const names = namespaces.data?.items.map((n) => n.name) ?? [namespace];
  // The current namespace may be gone from the list (deleted); keep it selectable.
  if (!names.includes(namespace)) names.unshift(namespace);
  return (
    <label className="namespace-switcher">
      <span className="muted">{t('common.namespace')}</span>
      <select
        value={namespace}
        onChange={(e) => navigate(namespacePath(cluster, e.target.value) + search)}
      >
        {names.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </label>
  );
}
