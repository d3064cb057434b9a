/**
 * Field selectors: `field=value`, `field==value`, `field!=value`, comma-AND, with `\` escaping
 * `,`, `=`, `!` and `\` in values. Each resource supports only a fixed set of field labels, as
 * in the apiserver, which rejects anything else with `field label not supported: X`.
 */
import type { KubeObject, ResourceKind } from '../model/types.js';

export interface FieldRequirement {
  field: string;
  operator: '=' | '!=';
  value: string;
}

export class FieldSelectorError extends Error {
  override name = 'FieldSelectorError';
}

type FieldGetter = (obj: KubeObject) => string;

const str = (value: unknown): string =>
  typeof value === 'string' ? value : value == null ? '' : String(value);
const spec = (obj: KubeObject, key: string): unknown => obj.spec?.[key];
const status = (obj: KubeObject, key: string): unknown => obj.status?.[key];

const COMMON: Record<string, FieldGetter> = {
  'metadata.name': (o) => o.metadata.name,
  'metadata.namespace': (o) => o.metadata.namespace ?? '',
};

/** The field labels each resource supports (a subset of the apiserver's, plus the common two). */
export const SUPPORTED_FIELDS: Record<ResourceKind, Record<string, FieldGetter>> = {
  pods: {
    ...COMMON,
    'spec.nodeName': (o) => str(spec(o, 'nodeName')),
    'spec.restartPolicy': (o) => str(spec(o, 'restartPolicy')),
    'spec.schedulerName': (o) => str(spec(o, 'schedulerName')),
    'spec.serviceAccountName': (o) => str(spec(o, 'serviceAccountName')),
    'status.phase': (o) => str(status(o, 'phase')),
    'status.podIP': (o) => str(status(o, 'podIP')),
  },
  nodes: {
    ...COMMON,
    'spec.unschedulable': (o) => String(spec(o, 'unschedulable') === true),
  },
  namespaces: {
    ...COMMON,
    'status.phase': (o) => str(status(o, 'phase')),
  },
};

/** Split on unescaped `sep`, keeping escapes in place for the next stage. */
function splitUnescaped(input: string, sep: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < input.length; i++) {
    const ch = input[i] as string;
    if (ch === '\\' && i + 1 < input.length) {
      current += ch + input[i + 1];
      i++;
    } else if (ch === sep) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts;
}

function unescape(value: string): string {
  return value.replace(/\\(.)/g, '$1');
}

/** Find the first unescaped operator in a term: [index, operator] or undefined. */
function findOperator(term: string): [number, '=' | '==' | '!='] | undefined {
  for (let i = 0; i < term.length; i++) {
    const ch = term[i];
    if (ch === '\\') i++;
    else if (ch === '!' && term[i + 1] === '=') return [i, '!='];
    else if (ch === '=') return [i, term[i + 1] === '=' ? '==' : '='];
  }
  return undefined;
}

/** Parse a field selector (syntax only); the empty string selects everything. */
export function parseFieldSelector(input: string): FieldRequirement[] {
  if (input.trim() === '') return [];
  return splitUnescaped(input, ',').map((term) => {
    const found = findOperator(term);
    if (!found) {
      throw new FieldSelectorError(`invalid selector: '${input}'; can't understand '${term}'`);
    }
    const [at, op] = found;
    const field = unescape(term.slice(0, at)).trim();
    const value = unescape(term.slice(at + op.length));
    if (field === '') {
      throw new FieldSelectorError(`invalid selector: '${input}'; missing field name`);
    }
    return { field, operator: op === '!=' ? '!=' : '=', value };
  });
}

/** Reject fields the resource does not index (400 in the apiserver). */
export function checkFieldsSupported(
  kind: ResourceKind,
  requirements: readonly FieldRequirement[],
): void {
  for (const { field } of requirements) {
    if (!Object.hasOwn(SUPPORTED_FIELDS[kind], field)) {
      throw new FieldSelectorError(`field label not supported: ${field}`);
    }
  }
}

export function matchesFields(
  kind: ResourceKind,
  requirements: readonly FieldRequirement[],
  obj: KubeObject,
): boolean {
  for (const { field, operator, value } of requirements) {
    const getter = SUPPORTED_FIELDS[kind][field];
    const actual = getter ? getter(obj) : '';
    if ((actual === value) !== (operator === '=')) return false;
  }
  return true;
}
