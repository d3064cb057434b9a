import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../model/types.js';
import {
  checkFieldsSupported,
  FieldSelectorError,
  matchesFields,
  parseFieldSelector,
} from './fields.js';

const pod = (name: string, nodeName?: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'ns', uid: name, resourceVersion: '1', creationTimestamp: '' },
  spec: nodeName ? { nodeName } : {},
  status: { phase: 'Running' },
});

describe('parseFieldSelector', () => {
  it('parses =, == and != terms joined by commas', () => {
    expect(parseFieldSelector('metadata.name=a,spec.nodeName==n1,status.phase!=Failed')).toEqual([
      { field: 'metadata.name', operator: '=', value: 'a' },
      { field: 'spec.nodeName', operator: '=', value: 'n1' },
      { field: 'status.phase', operator: '!=', value: 'Failed' },
    ]);
  });

  it('unescapes values and allows empty ones', () => {
    expect(parseFieldSelector('metadata.name=a\\,b\\=c')).toEqual([
      { field: 'metadata.name', operator: '=', value: 'a,b=c' },
    ]);
    expect(parseFieldSelector('spec.nodeName=')).toEqual([
      { field: 'spec.nodeName', operator: '=', value: '' },
    ]);
    expect(parseFieldSelector('')).toEqual([]);
  });

  it('rejects terms without an operator or field', () => {
    expect(() => parseFieldSelector('metadata.name')).toThrow(FieldSelectorError);
    expect(() => parseFieldSelector('=x')).toThrow(FieldSelectorError);
  });
});

describe('field support and matching', () => {
  it('rejects unsupported fields with the apiserver wording', () => {
    expect(() => checkFieldsSupported('pods', parseFieldSelector('spec.foo=x'))).toThrow(
      'field label not supported: spec.foo',
    );
    expect(() => checkFieldsSupported('nodes', parseFieldSelector('spec.nodeName=x'))).toThrow(
      'field label not supported: spec.nodeName',
    );
    expect(() =>
      checkFieldsSupported('nodes', parseFieldSelector('metadata.name=x')),
    ).not.toThrow();
  });

  it('matches names, namespaces and node names; unscheduled pods have an empty nodeName', () => {
    const sel = (s: string, obj: KubeObject): boolean =>
      matchesFields('pods', parseFieldSelector(s), obj);
    expect(sel('metadata.name=a', pod('a'))).toBe(true);
    expect(sel('metadata.name!=a', pod('a'))).toBe(false);
    expect(sel('metadata.namespace=ns,spec.nodeName=n1', pod('a', 'n1'))).toBe(true);
    expect(sel('spec.nodeName=n1', pod('a', 'n2'))).toBe(false);
    expect(sel('spec.nodeName=', pod('a'))).toBe(true);
    expect(sel('spec.nodeName!=', pod('a', 'n1'))).toBe(true);
  });
});
