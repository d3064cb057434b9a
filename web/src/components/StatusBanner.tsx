/**
 * Problems of the metrics pipeline or the cluster connection, as the server
 * explains them: what is wrong (`message`), what to do (`hint`), and the upstream
 * detail folded away for whoever debugs it. Every banner links to the cluster's
 * Diagnostics page and names the link of the chain to fix first.
 */
import { Link } from 'react-router';
import type { DiagnosticsSummary, Problem } from '@kubeglance/shared/api';

interface StatusBannerProps {
  problems: readonly Problem[];
  /** Context shown before the list, e.g. the cluster name. */
  title?: string;
  /** The latest diagnostics of the cluster, when known. */
  diagnostics?: DiagnosticsSummary | null;
  /** Where the Diagnostics page of this cluster is. */
  diagnosticsHref?: string;
}

export function StatusBanner({ problems, title, diagnostics, diagnosticsHref }: StatusBannerProps) {
  // A warning alone (say, a few pods without metrics) is the Diagnostics page's business; the
  // banner speaks when something is wrong.
  const found = diagnostics?.failing ?? null;
  const failing = found && (problems.length > 0 || found.status === 'fail') ? found : null;
  if (problems.length === 0 && !failing) return null;
  return (
    <section className="status-banner" aria-label={title ?? 'Cluster problems'}>
      {failing && (
        <p className="status-banner-diagnosis">
          <strong>
            {failing.status === 'fail' ? 'Broken link' : 'Check'}: {failing.title}
          </strong>
          {' — '}
          {failing.summary.text}
        </p>
      )}
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
      {diagnosticsHref && (
        <p className="status-banner-link">
          <Link to={diagnosticsHref}>Diagnose the metrics pipeline →</Link>
        </p>
      )}
    </section>
  );
}
