/**
 * Problems of the metrics pipeline or the cluster connection, as the server
 * explains them: what is wrong (`message`), what to do (`hint`), and the upstream
 * detail folded away for whoever debugs it.
 */
import type { Problem } from '@kubeglance/shared/api';

interface StatusBannerProps {
  problems: readonly Problem[];
  /** Context shown before the list, e.g. the cluster name. */
  title?: string;
}

export function StatusBanner({ problems, title }: StatusBannerProps) {
  if (problems.length === 0) return null;
  return (
    <section className="status-banner" aria-label={title ?? 'Cluster problems'}>
      <ul>
        {problems.map((p) => (
          <li key={p.code}>
            <span className="status-banner-icon" aria-hidden="true">
              !
            </span>
            <div>
              <p className="status-banner-message">{p.message}</p>
              <p className="status-banner-hint">{p.hint}</p>
              {p.detail && (
                <details>
                  <summary>Details</summary>
                  <code>{p.detail}</code>
                </details>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
