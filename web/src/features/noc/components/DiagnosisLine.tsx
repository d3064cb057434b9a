/**
 * The link of the metrics chain to fix first, in one line big enough to read across a room;
 * it opens the cluster's Diagnostics page.
 */
import type { DiagnosticsSummary } from '@kubeglance/shared/api';
import { diagnosticsPath } from '../../../lib/paths';
import { t } from '../../../i18n/t';
import { phraseText } from '../../../i18n/phrase';

interface DiagnosisLineProps {
  cluster: string;
  diagnostics: DiagnosticsSummary | null | undefined;
  /** Whether the cluster has problems; a warning alone is not for the wall. */
  troubled: boolean;
}

/** Whether the line shows: a failing check, or a warning while the cluster has problems. */
export function diagnosisShown(
  diagnostics: DiagnosticsSummary | null | undefined,
  troubled: boolean,
): boolean {
  const failing = diagnostics?.failing;
  return failing != null && (troubled || failing.status === 'fail');
}

export function DiagnosisLine({ cluster, diagnostics, troubled }: DiagnosisLineProps) {
  const failing = diagnostics?.failing;
  if (!failing || !diagnosisShown(diagnostics, troubled)) return null;
  const broken = failing.status === 'fail';
  return (
    <a
      className={`noc-diagnosis noc-diagnosis-${broken ? 'fail' : 'warn'}`}
      href={diagnosticsPath(cluster, failing.id)}
      aria-label={t('noc.diagnosisOf', { cluster })}
    >
      <span className="noc-diagnosis-sev">
        {broken ? `▲ ${t('noc.brokenLink')}` : `● ${t('noc.check')}`}
      </span>
      <strong className="noc-diagnosis-title">{t(`diagnostics.title.${failing.id}`)}</strong>
      <span className="noc-diagnosis-text">{phraseText(failing.summary)}</span>
    </a>
  );
}
