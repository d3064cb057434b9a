/**
 * Label selectors as kube-apiserver parses them: comma-separated requirements that must all
 * hold. Supported forms: `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a,b)`, `k`, `!k`,
 * and the numeric `k>N`, `k<N`. Like the apiserver, `!=` and `notin` also match objects that
 * lack the key.
 */

export type LabelOperator = '=' | '!=' | 'in' | 'notin' | 'exists' | '!' | '>' | '<';

export interface LabelRequirement {
  key: string;
  operator: LabelOperator;
  values: string[];
}

export type Labels = Readonly<Record<string, string>> | undefined;

/** Thrown for a malformed selector; the message follows "unable to parse requirement: ...". */
export class SelectorParseError extends Error {
  override name = 'SelectorParseError';
}

type Token = { kind: 'ident'; text: string } | { kind: 'op'; text: string } | { kind: 'end' };

const OPERATOR_CHARS = new Set(['!', '=', '<', '>', '(', ')', ',']);

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i] as string;
    if (/\s/.test(ch)) {
      i++;
    } else if (OPERATOR_CHARS.has(ch)) {
      const two = input.slice(i, i + 2);
      const text = two === '==' || two === '!=' ? two : ch;
      tokens.push({ kind: 'op', text });
      i += text.length;
    } else {
      let j = i;
      while (
        j < input.length &&
        !OPERATOR_CHARS.has(input[j] as string) &&
        !/\s/.test(input[j] as string)
      )
        j++;
      tokens.push({ kind: 'ident', text: input.slice(i, j) });
      i = j;
    }
  }
  tokens.push({ kind: 'end' });
  return tokens;
}

const NAME = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function checkKey(key: string): void {
  const slash = key.indexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  const prefixOk = prefix === undefined || (prefix.length <= 253 && DNS_SUBDOMAIN.test(prefix));
  if (!prefixOk || name.length > 63 || !NAME.test(name)) {
    throw new SelectorParseError(`unable to parse requirement: invalid label key "${key}"`);
  }
}

function checkValue(value: string): void {
  if (value !== '' && (value.length > 63 || !NAME.test(value))) {
    throw new SelectorParseError(`unable to parse requirement: invalid label value: "${value}"`);
  }
}

/** Parse a selector string; the empty string selects everything. */
export function parseLabelSelector(input: string): LabelRequirement[] {
  const tokens = tokenize(input);
  let pos = 0;
  const peek = (): Token => tokens[pos] as Token;
  const next = (): Token => tokens[pos++] as Token;
  const fail = (expected: string): never => {
    const t = peek();
    const found = t.kind === 'end' ? 'end of string' : `'${t.text}'`;
    throw new SelectorParseError(
      `unable to parse requirement: found ${found}, expected: ${expected}`,
    );
  };
  const ident = (expected: string): string => {
    const t = peek();
    if (t.kind !== 'ident') return fail(expected);
    pos++;
    return t.text;
  };
  const atSeparator = (): boolean => {
    const t = peek();
    return t.kind === 'end' || (t.kind === 'op' && (t.text === ',' || t.text === ')'));
  };

  const requirements: LabelRequirement[] = [];
  if (peek().kind === 'end') return requirements;
  for (;;) {
    const first = peek();
    if (first.kind === 'op' && first.text === '!') {
      pos++;
      const key = ident('identifier after "!"');
      checkKey(key);
      requirements.push({ key, operator: '!', values: [] });
    } else {
      const key = ident('identifier');
      checkKey(key);
      const op = peek();
      if (atSeparator()) {
        requirements.push({ key, operator: 'exists', values: [] });
      } else if (op.kind === 'op' && ['=', '==', '!='].includes(op.text)) {
        pos++;
        const value = atSeparator() ? '' : ident('a value');
        checkValue(value);
        requirements.push({ key, operator: op.text === '!=' ? '!=' : '=', values: [value] });
      } else if (op.kind === 'op' && (op.text === '<' || op.text === '>')) {
        pos++;
        const value = ident('an integer');
        if (!/^-?\d+$/.test(value)) fail('an integer');
        requirements.push({ key, operator: op.text, values: [value] });
      } else if (op.kind === 'ident' && (op.text === 'in' || op.text === 'notin')) {
        pos++;
        const open = next();
        if (open.kind !== 'op' || open.text !== '(') {
          pos--;
          fail(`'(' after '${op.text}'`);
        }
        const values: string[] = [];
        const close = peek();
        if (close.kind === 'op' && close.text === ')') {
          throw new SelectorParseError(
            "unable to parse requirement: for 'in', 'notin' operators, values set can't be empty",
          );
        }
        for (;;) {
          const value = atSeparator() ? '' : ident('a value');
          checkValue(value);
          values.push(value);
          const sep = next();
          if (sep.kind === 'op' && sep.text === ')') break;
          if (sep.kind !== 'op' || sep.text !== ',') {
            pos--;
            fail("',' or ')'");
          }
        }
        requirements.push({ key, operator: op.text, values });
      } else {
        fail("'=', '!=', '==', 'in', 'notin', or end of requirement");
      }
    }
    const sep = next();
    if (sep.kind === 'end') return requirements;
    if (sep.kind !== 'op' || sep.text !== ',') {
      pos--;
      fail("',' or end of string");
    }
  }
}

/** Does a label set satisfy every requirement? */
export function matchesLabels(requirements: readonly LabelRequirement[], labels: Labels): boolean {
  for (const { key, operator, values } of requirements) {
    const has = labels !== undefined && Object.hasOwn(labels, key);
    const value = has ? labels[key] : undefined;
    switch (operator) {
      case 'exists':
        if (!has) return false;
        break;
      case '!':
        if (has) return false;
        break;
      case '=':
      case 'in':
        if (value === undefined || !values.includes(value)) return false;
        break;
      case '!=':
      case 'notin':
        if (value !== undefined && values.includes(value)) return false;
        break;
      case '>':
      case '<': {
        const actual = value !== undefined && /^-?\d+$/.test(value) ? Number(value) : NaN;
        const bound = Number(values[0]);
        if (Number.isNaN(actual)) return false;
        if (operator === '>' ? !(actual > bound) : !(actual < bound)) return false;
        break;
      }
    }
  }
  return true;
}
