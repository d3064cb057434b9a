import { describe, expect, it } from 'vitest';
import type { DiagnosticCheck, DiagnosticsReport } from '@kubeglance/shared/api';
import { failingFirst } from './order';

const check = (id: DiagnosticCheck['id'], status: DiagnosticCheck['status']): DiagnosticCheck => ({
  id,
  status,
  title: id,
  summary: { code: `${id}.x`, params: {}, text: id },
  evidence: [],
  fix: [],
  docs: '',
});

const report = (failing: DiagnosticsReport['failing']): DiagnosticsReport => ({
  cluster: 'c',
  status: failing ? 'failing' : 'ok',
  checkedAtMs: 0,
  failing,
  checks: [check('apiserver', 'ok'), check('apiservice', 'fail'), check('kubelet-scrape', 'fail')],
});

describe('failingFirst', () => {
  it('puts the failing link first and keeps the chain order for the rest', () => {
    expect(failingFirst(report('kubelet-scrape')).map((c) => c.id)).toEqual([
      'kubelet-scrape',
      'apiserver',
      'apiservice',
    ]);
  });

  it('keeps the chain order when nothing fails', () => {
    expect(failingFirst(report(null)).map((c) => c.id)).toEqual([
      'apiserver',
      'apiservice',
      'kubelet-scrape',
    ]);
  });
});
