import { describe, expect, it } from 'vitest';
import { DEFAULT_ROTATE_MS, parseNocOptions } from './nocParams';

describe('parseNocOptions', () => {
  it('has wall-screen defaults', () => {
    expect(parseNocOptions(new URLSearchParams())).toEqual({
      clusters: [],
      namespaces: [],
      rotateMs: DEFAULT_ROTATE_MS,
      theme: 'dark',
      reloadMs: null,
    });
  });

  it('reads every option', () => {
    const opts = parseNocOptions(
      new URLSearchParams('clusters=a,b&namespaces=kube-system&rotate=30s&theme=light&reload=6h'),
    );
    expect(opts).toEqual({
      clusters: ['a', 'b'],
      namespaces: ['kube-system'],
      rotateMs: 30_000,
      theme: 'light',
      reloadMs: 21_600_000,
    });
  });

  it('clamps dangerous values and ignores junk', () => {
    const opts = parseNocOptions(new URLSearchParams('rotate=1s&reload=5s&theme=neon'));
    expect(opts.rotateMs).toBe(5_000);
    expect(opts.reloadMs).toBe(60_000);
    expect(opts.theme).toBe('dark');
    expect(parseNocOptions(new URLSearchParams('rotate=fast')).rotateMs).toBe(DEFAULT_ROTATE_MS);
  });

  it('reads Go durations and falls back on zero, negatives and non-Go forms', () => {
    expect(parseNocOptions(new URLSearchParams('rotate=1m30s')).rotateMs).toBe(90_000);
    expect(parseNocOptions(new URLSearchParams('reload=1.5h')).reloadMs).toBe(5_400_000);
    for (const junk of ['0', '-30s', '30', '2d']) {
      const opts = parseNocOptions(new URLSearchParams({ rotate: junk, reload: junk }));
      expect(opts.rotateMs).toBe(DEFAULT_ROTATE_MS);
      expect(opts.reloadMs).toBeNull();
    }
  });
});
