/** Pure helpers of the Diagnostics page: ordering and wording of check states. */
import type { CheckStatus, DiagnosticCheck, DiagnosticsReport } from '@kubeglance/shared/api';
import type { Tone } from '../../components/Badge';

/** The failing link first, then the rest of the chain in its order. */
export function failingFirst(report: DiagnosticsReport): DiagnosticCheck[] {
  const first = report.checks.find((c) => c.id === report.failing);
  return first ? [first, ...report.checks.filter((c) => c !== first)] : [...report.checks];
}

export const STATUS_LABEL: Record<CheckStatus, string> = {
  ok: 'OK',
  warn: 'Warning',
  fail: 'Failing',
  unknown: 'Unknown',
};

export const STATUS_TONE: Record<CheckStatus, Tone> = {
  ok: 'ok',
  warn: 'warn',
  fail: 'bad',
  unknown: 'neutral',
};

/** A glyph that says the same as the colour, for colour-blind readers and the wall screen. */
export const STATUS_ICON: Record<CheckStatus, string> = {
  ok: '✓',
  warn: '!',
  fail: '✕',
  unknown: '?',
};
