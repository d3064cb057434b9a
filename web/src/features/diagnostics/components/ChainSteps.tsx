/** The chain drawn as steps, outermost first, each with its state; a step links to its card. */
import type { DiagnosticCheck } from '@kubeglance/shared/api';
import { STATUS_ICON, STATUS_LABEL } from '../order';
import { t } from '../../../i18n/t';
import { checkTitle } from './CheckCard';

interface ChainStepsProps {
  checks: readonly DiagnosticCheck[];
  failing: string | null;
}

export function ChainSteps({ checks, failing }: ChainStepsProps) {
  return (
    <ol className="diag-steps" aria-label={t('diagnostics.chain')}>
      {checks.map((c, i) => (
        <li
          key={c.id}
          className={`diag-step diag-step-${c.status}${c.id === failing ? ' diag-step-failing' : ''}`}
        >
          <a href={`#${c.id}`}>
            <span className="diag-step-n">{i + 1}</span>
            <span className="diag-step-icon" aria-hidden="true">
              {STATUS_ICON[c.status]}
            </span>
            <span className="diag-step-title">{checkTitle(c.id)}</span>
            <span className="sr-only">: {STATUS_LABEL[c.status]}</span>
          </a>
        </li>
      ))}
    </ol>
  );
}
