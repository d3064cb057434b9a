/**
 * Problems of the metrics pipeline or the cluster connection, as the server
 * explains them: what is wrong (`message`), what to do (`hint`), and the upstream
 * detail folded away for whoever debugs it. Every banner links to the cluster's
 * Diagnostics page and names the link of the chain to fix first.
 */
import { Link } from 'react-router';
import type { DiagnosticsSummary, Problem } from '@kubeglance/shared/api';
import { t } from '../i18n/t';
import { phraseText } from '../i18n/phrase';
import { problemHint, problemMessage } from '../i18n/problem';
import { problemDetail } from '../i18n/problemDetail';

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
    <section className="status-banner" aria-label={title ?? t('banner.label')}>
      {failing && (
        <p className="status-banner-diagnosis">
          <strong>
            {failing.status === 'fail' ? t('banner.brokenLink') : t('banner.check')}:{' '}
            {t(`diagnostics.title.${failing.id}`)}
          </strong>
          {' — '}
          {phraseText(failing.summary)}
        </p>
      )}
      <ul>
        {problems.map((p) => {
          const detail = problemDetail(p);
          return (
            <li key={p.code}>
              <span className="status-banner-icon" aria-hidden="true">
                !
              </span>
              <div>
                <p className="status-banner-message">{problemMessage(p)}</p>
                <p className="status-banner-hint">{problemHint(p)}</p>
                {detail && (
                  <details>
                    <summary>{t('banner.details')}</summary>
                    {/* Upstream text stays as sent; kubeglance's own lines are translated. */}
                    <code translate={detail.verbatim ? 'no' : undefined}>{detail.text}</code>
                  </details>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {diagnosticsHref && (
        <p className="status-banner-link">
          <Link to={diagnosticsHref}>{t('banner.diagnose')}</Link>
        </p>
      )}
    </section>
  );
}
