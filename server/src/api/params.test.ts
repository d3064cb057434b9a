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
});
