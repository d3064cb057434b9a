import { describe, expect, it } from 'vitest';
import { isNodeMetrics, isPodMetrics, nodeMetrics, podMetrics } from './metricsShape.js';

const usage = { cpu: '1n', memory: '1Ki' };
const pod = {
  metadata: { name: 'p', namespace: 'ns', labels: { a: 'b' } },
  timestamp: '2026-11-28T07:00:00Z',
  window: '15s',
  containers: [{ name: 'app', usage }],
};
const node = { metadata: { name: 'n' }, timestamp: null, window: '15s', usage };

/** Every way to spoil a value that JSON can carry, at a path. */
const SPOILERS: unknown[] = [undefined, null, 0, 1.5, '', 'x', true, [], {}, [{}], { cpu: 1 }];

function set(obj: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(obj) as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (value === undefined) delete at[last];
  else at[last] = value;
  return copy;
}

/** Paths of every value inside `obj`, leaves and branches. */
function paths(obj: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof obj !== 'object' || obj === null) return [];
  return Object.entries(obj).flatMap(([k, v]) => {
    const key = Array.isArray(obj) ? Number(k) : k;
    return [[...prefix, key], ...paths(v, [...prefix, key])];
  });
}

describe.each([
  ['pod', pod, isPodMetrics, podMetrics],
  ['node', node, isNodeMetrics, nodeMetrics],
] as const)('the %s guard', (_, good, guard, schema) => {
  const variants = [
    good,
    null,
    [],
    [good],
    'item',
    ...paths(good).flatMap((p) => SPOILERS.map((v) => set(good, p, v))),
  ];

  it('accepts exactly what the schema accepts, and reads the same fields', () => {
    let accepted = 0;
    for (const v of variants) {
      const parsed = schema.safeParse(v);
      expect(guard(v), JSON.stringify(v)).toBe(parsed.success);
      if (parsed.success) {
        accepted++;
        // What the schema keeps is what the reader takes from the item as it is.
        expect(v).toMatchObject(parsed.data);
      }
    }
    // Both outcomes occur: a guard that accepted or refused everything would fail above.
    expect(accepted).toBeGreaterThan(1);
    expect(accepted).toBeLessThan(variants.length);
  });
});
