/** Pure helpers of the Diagnostics page: ordering and wording of check states. */
import type { CheckStatus, DiagnosticCheck, DiagnosticsReport } from '@kubeglance/shared/api';
import type { Tone } from '../../components/Badge';
import { t } from '../../i18n/t';

/** The failing link first, then the rest of the chain in its order. */
export function failingFirst(report: DiagnosticsReport): DiagnosticCheck[] {
  const first = report.checks.find((c) => c.id === report.failing);
  return first ? [first, ...report.checks.filter((c) => c !== first)] : [...report.checks];
}

/** A check's status in words, in the language on screen. */
export const STATUS_LABEL: Readonly<Record<CheckStatus, string>> = {
  get ok() {
    return t('diagnostics.status.ok');
  },
  get warn() {
    return t('diagnostics.status.warn');
  },
  get fail() {
    return t('diagnostics.status.fail');
  },
  get unknown() {
    return t('diagnostics.status.unknown');
  },
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
