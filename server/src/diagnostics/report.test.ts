import { describe, expect, it } from 'vitest';
import type { DiagnosticCheck } from '@kubeglance/shared/api';
import { failingLink } from './report.js';

const check = (id: DiagnosticCheck['id'], status: DiagnosticCheck['status']): DiagnosticCheck => ({
  id,
  status,
  title: id,
  summary: { code: `${id}.x`, params: {}, text: id },
  evidence: [],
  fix: [],
  docs: '',
});

describe('failingLink', () => {
  it('names the deepest failing link: it explains the symptoms further out', () => {
    const checks = [
      check('apiservice', 'fail'),
      check('warmup', 'fail'),
      check('kubelet-scrape', 'fail'),
    ];
    expect(failingLink(checks)?.id).toBe('kubelet-scrape');
  });

  it('names the APIService, not the unready pod its MissingEndpoints already names', () => {
    const checks = [
      check('apiservice', 'fail'),
      check('warmup', 'fail'),
      check('kubelet-scrape', 'ok'),
    ];
    expect(failingLink(checks)?.id).toBe('apiservice');
  });

  it('falls back to the deepest warning, and to nothing', () => {
    expect(failingLink([check('apiservice', 'warn'), check('warmup', 'warn')])?.id).toBe('warmup');
    expect(failingLink([check('apiserver', 'ok'), check('pods', 'unknown')])).toBeUndefined();
  });
});
