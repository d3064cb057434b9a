import { describe, expect, it } from 'vitest';
import { carriedSearch, diagnosticsPath, namespacePath, overviewPath, podPath } from './paths';

describe('paths', () => {
  it('builds escaped screen URLs', () => {
    expect(overviewPath('kind/dev')).toBe('/clusters/kind%2Fdev');
    expect(namespacePath('a', 'kube-system')).toBe('/clusters/a/namespaces/kube-system');
    expect(podPath('a', 'ns', 'web-1')).toBe('/clusters/a/namespaces/ns/pods/web-1');
  });

  it('carries only the range to other screens', () => {
    expect(carriedSearch(new URLSearchParams('range=1h&nsort=-cpu'))).toBe('?range=1h');
    expect(carriedSearch(new URLSearchParams('nsort=-cpu'))).toBe('');
  });
});

describe('diagnosticsPath', () => {
  it('escapes the cluster and anchors the link', () => {
    expect(diagnosticsPath('a/b')).toBe('/clusters/a%2Fb/diagnostics');
    expect(diagnosticsPath('prod', 'kubelet-scrape')).toBe(
      '/clusters/prod/diagnostics#kubelet-scrape',
    );
  });
});
