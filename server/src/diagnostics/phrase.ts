import type { Evidence, Fix, Phrase } from '@kubeglance/shared/api';
import { englishNames, nameList, type NameList } from '@kubeglance/shared/phrase';

/**
 * Builders for the structured sentences of a diagnostics report: a stable code and its
 * parameters (the browser may render them in another language) with the English text.
 */
export function phrase(code: string, params: Phrase['params'], text: string): Phrase {
  return { code, params, text };
}

export function evidence(
  code: string,
  label: string,
  value: string,
  params: Phrase['params'] = {},
): Evidence {
  return { label: phrase(`evidence.${code}`, params, label), value };
}

export function fix(
  code: string,
  text: string,
  extra: { command?: string; yaml?: string; params?: Phrase['params'] } = {},
): Fix {
  const { command, yaml, params = {} } = extra;
  return {
    text: phrase(`fix.${code}`, params, text),
    ...(command === undefined ? {} : { command }),
    ...(yaml === undefined ? {} : { yaml }),
  };
}

/** At most `max` names and their total: the browser says "and N more" in its language. */
export function listNames(names: readonly string[], max = 5): NameList {
  return nameList(names, max);
}

export { englishNames };
