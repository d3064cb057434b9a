/**
 * The unmissable STALE banner. The only role="alert" on the wall screen, so it is
 * announced and easy to find; it disappears by itself when fresh data arrives.
 */
import { t } from '../../../i18n/t';
interface StaleBannerProps {
  /** Why, in one line: which cluster, how old, what the connection is doing. */
  reasons: readonly string[];
}

export function StaleBanner({ reasons }: StaleBannerProps) {
  return (
    <div className="noc-stale" role="alert">
      <strong className="noc-stale-word">{t('common.staleMark')}</strong>
      <ul>
        {reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
    </div>
  );
}
