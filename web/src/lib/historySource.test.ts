import { describe, expect, it } from 'vitest';
import { memorySpan, sourceCaption } from './historySource';

const fmt = (ms: number) => new Date(ms).toISOString().slice(11, 16);

describe('sourceCaption', () => {
  it('names both sources and the seam', () => {
    const spans = [
      { source: 'prometheus' as const, fromMs: 0, toMs: 3_600_000 },
      { source: 'memory' as const, fromMs: 3_700_000, toMs: 7_200_000 },
    ];
    expect(sourceCaption(spans, fmt)).toBe(
      'Source: Prometheus until 01:00, then kubeglance memory',
    );
    expect(memorySpan(spans)?.fromMs).toBe(3_700_000);
  });

  it('says when only memory answered', () => {
    const spans = [{ source: 'memory' as const, fromMs: 0, toMs: 1 }];
    expect(sourceCaption(spans, fmt)).toMatch(/memory only/);
  });

  it('has nothing to say for in-memory ranges', () => {
    expect(sourceCaption(undefined, fmt)).toBeUndefined();
    expect(memorySpan(undefined)).toBeUndefined();
  });
});
