import { describe, expect, it } from 'vitest';
import { HttpError } from './errors.js';
import { historyQuery, namespaceParams, parse, topPodsQuery } from './params.js';

const fails = (fn: () => unknown, status = 400) => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(HttpError);
    expect((e as HttpError).status).toBe(status);
    return (e as HttpError).message;
  }
  throw new Error('expected an HttpError');
};

describe('request params', () => {
  it('accepts valid names and defaults', () => {
    expect(
      parse(namespaceParams, { cluster: 'sim-prod', namespace: 'kube-system' }, 'path'),
    ).toEqual({
      cluster: 'sim-prod',
      namespace: 'kube-system',
    });
    expect(parse(topPodsQuery, {}, 'query')).toEqual({ sort: 'cpu', limit: 10 });
  });

  it.each(['Kube-System', '-x', 'a'.repeat(64), 'a_b', '../etc', ''])(
    'rejects namespace %j',
    (ns) => {
      fails(() => parse(namespaceParams, { cluster: 'c', namespace: ns }, 'path'));
    },
  );

  it('rejects unknown query keys and bad values by name', () => {
    expect(fails(() => parse(topPodsQuery, { sort: 'cpu', sortt: 'x' }, 'query'))).toMatch(/sortt/);
    expect(fails(() => parse(topPodsQuery, { sort: 'disk' }, 'query'))).toMatch(/sort/);
    expect(fails(() => parse(topPodsQuery, { limit: '0' }, 'query'))).toMatch(/limit/);
    expect(fails(() => parse(topPodsQuery, { limit: ['1', '2'] }, 'query'))).toMatch(/limit/);
  });

  it('requires the parameters of each history scope', () => {
    expect(parse(historyQuery, { scope: 'cluster' }, 'query')).toMatchObject({
      scope: 'cluster',
      range: '15m',
    });
    expect(fails(() => parse(historyQuery, { scope: 'pod', namespace: 'a' }, 'query'))).toMatch(
      /pod/,
    );
    expect(fails(() => parse(historyQuery, { scope: 'node' }, 'query'))).toMatch(/name/);
    expect(fails(() => parse(historyQuery, { scope: 'cluster', range: '2h' }, 'query'))).toMatch(
      /range/,
    );
    expect(fails(() => parse(historyQuery, { scope: 'node', name: 'BAD NAME' }, 'query'))).toMatch(
      /name/,
    );
  });

  // The same Kubernetes name rules for every object a request can name: pods and nodes are
  // DNS-1123 subdomains (253 characters), containers DNS-1123 labels (63).
  const BAD_NAMES = ['Upper', 'a_b', '-lead', 'trail-', 'x'.repeat(254), 'a..b', ''];
  const targets = {
    pod: (pod: string) => ({ scope: 'pod', namespace: 'ns', pod }),
    node: (name: string) => ({ scope: 'node', name }),
    'container pod': (pod: string) => ({ scope: 'container', namespace: 'ns', pod, name: 'app' }),
    container: (name: string) => ({ scope: 'container', namespace: 'ns', pod: 'web-1', name }),
  };

  it.each(Object.keys(targets) as (keyof typeof targets)[])(
    'rejects a bad %s name and accepts a good one',
    (what) => {
      for (const bad of BAD_NAMES) {
        const message = fails(() => parse(historyQuery, targets[what](bad), 'query'));
        expect(message, `${what} ${JSON.stringify(bad)}`).toMatch(
          what === 'node' || what === 'container' ? /name/ : /pod/,
        );
      }
      const good =
        what === 'node'
          ? 'ip-10-0-0-1.ec2.internal'
          : what === 'container'
            ? 'app-2'
            : 'web-7d9f.x';
      expect(parse(historyQuery, targets[what](good), 'query')).toMatchObject({
        scope: targets[what](good).scope,
      });
    },
  );

  it('takes names up to the limits: 253 for pods and nodes, 63 for containers', () => {
    const long = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`;
    expect(long).toHaveLength(253);
    expect(parse(historyQuery, targets.pod(long), 'query')).toMatchObject({ pod: long });
    expect(parse(historyQuery, targets.node(long), 'query')).toMatchObject({ name: long });
    expect(parse(historyQuery, targets.container('c'.repeat(63)), 'query')).toMatchObject({
      scope: 'container',
    });
    fails(() => parse(historyQuery, targets.container('c'.repeat(64)), 'query'));
  });
});
