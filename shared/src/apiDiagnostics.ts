/** API contract: `GET /api/v1/clusters/:cluster/diagnostics` and its summary in cluster status. */
import type { PhraseParams } from './phrase.js';

/** The links of the metrics chain, outermost first; stable ids (URLs, translations, tests). */
export type DiagnosticCheckId =
  | 'apiserver'
  | 'rbac'
  | 'aggregation'
  | 'apiservice'
  | 'warmup'
  | 'kubelet-scrape'
  | 'freshness'
  | 'pods'
  /** Only with `--prometheus`: after the chain, not one of its links. */
  | 'prometheus';

export const DIAGNOSTIC_CHECK_IDS: readonly DiagnosticCheckId[] = [
  'apiserver',
  'rbac',
  'aggregation',
  'apiservice',
  'warmup',
  'kubelet-scrape',
  'freshness',
  'pods',
];

/** `unknown`: kubeglance could not see enough to judge (it says what it lacks). */
export type CheckStatus = 'ok' | 'warn' | 'fail' | 'unknown';
export type DiagnosticsStatus = 'ok' | 'degraded' | 'failing';

/**
 * A sentence as a stable `code` with its parameters (for translation), plus the English
 * `text` for API clients. Parameters are plain values; commands and names are never translated.
 */
export interface Phrase {
  code: string;
  params: PhraseParams;
  text: string;
}

/** Something kubeglance saw: a label and the upstream value verbatim (shown in monospace). */
export interface Evidence {
  label: Phrase;
  value: string;
}

/** A remedy: what to do, and where one exists a command or YAML to copy. */
export interface Fix {
  text: Phrase;
  command?: string;
  yaml?: string;
}

export interface DiagnosticCheck {
  id: DiagnosticCheckId;
  status: CheckStatus;
  /** English title of the link (translations key on `id`). */
  title: string;
  /** The result in one sentence. */
  summary: Phrase;
  evidence: Evidence[];
  fix: Fix[];
  /** Section of docs/troubleshooting.md about this link. */
  docs: string;
  /** The RBAC rule that would let kubeglance judge, when `unknown` for lack of it. */
  missingRule?: string;
}

export interface DiagnosticsReport {
  cluster: string;
  status: DiagnosticsStatus;
  checkedAtMs: number;
  /** The link to fix first (the deepest failing one; a warning when nothing fails), or null. */
  failing: DiagnosticCheckId | null;
  /** In chain order. */
  checks: DiagnosticCheck[];
}

/** What cluster status and the wall screen carry of the latest report. */
export interface DiagnosticsSummary {
  status: DiagnosticsStatus;
  checkedAtMs: number;
  failing: { id: DiagnosticCheckId; status: CheckStatus; title: string; summary: Phrase } | null;
}
