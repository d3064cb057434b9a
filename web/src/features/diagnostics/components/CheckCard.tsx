/** One link of the chain: its verdict, what was seen (verbatim) and how to fix it. */
import type { DiagnosticCheck } from '@kubeglance/shared/api';
import { Badge } from '../../../components/Badge';
import { STATUS_ICON, STATUS_LABEL, STATUS_TONE } from '../order';
import { CopyBlock } from './CopyBlock';
import { t } from '../../../i18n/t';
import { phraseText } from '../../../i18n/phrase';

interface CheckCardProps {
  check: DiagnosticCheck;
  /** The link to fix first: drawn prominently. */
  primary?: boolean;
}

/** A link's title in the language on screen (the server's English one keys on `id`). */
export function checkTitle(id: DiagnosticCheck['id']): string {
  return t(`diagnostics.title.${id}`);
}

export function CheckCard({ check, primary = false }: CheckCardProps) {
  const open = check.status !== 'ok';
  return (
    <article
      id={check.id}
      className={`diag-check diag-check-${check.status}${primary ? ' diag-check-primary' : ''}`}
      aria-label={checkTitle(check.id)}
      data-check={check.id}
      data-status={check.status}
    >
      <header className="diag-check-head">
        <span className="diag-check-icon" aria-hidden="true">
          {STATUS_ICON[check.status]}
        </span>
        <h2>{checkTitle(check.id)}</h2>
        <Badge tone={STATUS_TONE[check.status]}>{STATUS_LABEL[check.status]}</Badge>
      </header>
      <p className="diag-summary">{phraseText(check.summary)}</p>
      {check.missingRule && (
        <p className="diag-missing-rule">
          {t('diagnostics.missingRule')} <code translate="no">{check.missingRule}</code>
        </p>
      )}
      {check.evidence.length > 0 && (
        <details className="diag-evidence" open={open}>
          <summary>{t('diagnostics.evidence')}</summary>
          <dl>
            {check.evidence.map((e, i) => (
              <div key={`${e.label.code}-${i}`}>
                <dt>{phraseText(e.label)}</dt>
                <dd>
                  <pre className="diag-mono" translate="no">
                    {e.value}
                  </pre>
                </dd>
              </div>
            ))}
          </dl>
        </details>
      )}
      {check.fix.length > 0 && (
        <section
          className="diag-fixes"
          aria-label={t('diagnostics.fixOf', { title: checkTitle(check.id) })}
        >
          <h3>{t('diagnostics.fix')}</h3>
          <ol>
            {check.fix.map((f) => (
              <li key={f.text.code}>
                <p>{phraseText(f.text)}</p>
                {f.command && <CopyBlock kind="command" text={f.command} />}
                {f.yaml && <CopyBlock kind="yaml" text={f.yaml} />}
              </li>
            ))}
          </ol>
        </section>
      )}
    </article>
  );
}
