/** One link of the chain: its verdict, what was seen (verbatim) and how to fix it. */
import type { DiagnosticCheck } from '@kubeglance/shared/api';
import { Badge } from '../../../components/Badge';
import { STATUS_ICON, STATUS_LABEL, STATUS_TONE } from '../order';
import { CopyBlock } from './CopyBlock';

interface CheckCardProps {
  check: DiagnosticCheck;
  /** The link to fix first: drawn prominently. */
  primary?: boolean;
}

export function CheckCard({ check, primary = false }: CheckCardProps) {
  const open = check.status !== 'ok';
  return (
    <article
      id={check.id}
      className={`diag-check diag-check-${check.status}${primary ? ' diag-check-primary' : ''}`}
      aria-label={check.title}
      data-check={check.id}
      data-status={check.status}
    >
      <header className="diag-check-head">
        <span className="diag-check-icon" aria-hidden="true">
          {STATUS_ICON[check.status]}
        </span>
        <h2>{check.title}</h2>
        <Badge tone={STATUS_TONE[check.status]}>{STATUS_LABEL[check.status]}</Badge>
      </header>
      <p className="diag-summary">{check.summary.text}</p>
      {check.missingRule && (
        <p className="diag-missing-rule">
          Missing RBAC rule: <code>{check.missingRule}</code>
        </p>
      )}
      {check.evidence.length > 0 && (
        <details className="diag-evidence" open={open}>
          <summary>Evidence</summary>
          <dl>
            {check.evidence.map((e, i) => (
              <div key={`${e.label.code}-${i}`}>
                <dt>{e.label.text}</dt>
                <dd>
                  <pre className="diag-mono">{e.value}</pre>
                </dd>
              </div>
            ))}
          </dl>
        </details>
      )}
      {check.fix.length > 0 && (
        <section className="diag-fixes" aria-label={`Fix: ${check.title}`}>
          <h3>Fix</h3>
          <ol>
            {check.fix.map((f) => (
              <li key={f.text.code}>
                <p>{f.text.text}</p>
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
