/**
 * The trail above a detail screen ("cluster / namespace / pod"): every step but the last
 * links back, keeping the range and other carried search parameters.
 */
import { Link } from 'react-router';
import { useCarriedSearch } from '../hooks/useRange';
import { t } from '../i18n/t';

export interface Crumb {
  label: string;
  /** Path of the step; the last crumb is the current page and takes none. */
  to?: string;
}

export function Breadcrumbs({ crumbs }: { crumbs: readonly Crumb[] }) {
  const search = useCarriedSearch();
  return (
    <nav aria-label={t('common.breadcrumb')} className="breadcrumbs">
      <ol>
        {crumbs.map((c, i) =>
          i < crumbs.length - 1 && c.to != null ? (
            <li key={i}>
              <Link to={c.to + search}>{c.label}</Link>
            </li>
          ) : (
            <li key={i} aria-current="page">
              {c.label}
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}
