/**
 * The link of the metrics chain to fix first, in one line big enough to read across a room;
 * it opens the cluster's Diagnostics page.
 */
import type { DiagnosticsSummary } from '@kubeglance/shared/api';
import { diagnosticsPath } from '../../../lib/paths';

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
      aria-label={`Diagnosis of ${cluster}`}
    >
      <span className="noc-diagnosis-sev">{broken ? '▲ BROKEN LINK' : '● CHECK'}</span>
      <strong className="noc-diagnosis-title">{failing.title}</strong>
      <span className="noc-diagnosis-text">{failing.summary.text}</span>
    </a>
  );
}
