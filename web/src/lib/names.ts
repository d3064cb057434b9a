/**
 * Shortening Kubernetes names for narrow places without losing what tells them apart:
 * node names share a cluster prefix ("sim-worker-001", "sim-worker-002"), pod names
 * end in a hash ("api-5bd4bc75cd-22mk7"). Plain end-ellipsis cuts exactly that part.
 */

const SEPARATORS = /[-._]/;

/**
 * The prefix every name shares, cut just after a separator so it ends at a word
 * boundary ("sim-worker-" for sim-worker-001…012). Empty for fewer than two names,
 * or when cutting it would leave some name with nothing.
 */
export function sharedPrefix(names: readonly string[]): string {
  if (names.length < 2) return '';
  let common = names[0] ?? '';
  for (const n of names) {
    let i = 0;
    while (i < common.length && i < n.length && common[i] === n[i]) i++;
    common = common.slice(0, i);
    if (common === '') return '';
  }
  let cut = -1;
  for (let i = common.length - 1; i >= 0; i--) {
    if (SEPARATORS.test(common[i] ?? '')) {
      cut = i + 1;
      break;
    }
  }
  if (cut <= 0) return '';
  const prefix = common.slice(0, cut);
  return names.every((n) => n.length > prefix.length) ? prefix : '';
}

/**
 * Splits a name into a head that may be cut with an ellipsis and a tail that stays
 * visible: the last separator-delimited segment (the pod hash "-22mk7", the node
 * number "-001"), or the last four characters when there is no usable separator.
 * `head + tail` is always the whole name.
 */
export function splitTail(name: string, maxTail = 12): [head: string, tail: string] {
  let i = name.length - 1;
  while (i > 0 && !SEPARATORS.test(name[i] ?? '')) i--;
  if (i > 0 && name.length - i <= maxTail && i < name.length - 1) {
    return [name.slice(0, i), name.slice(i)];
  }
  if (name.length <= 8) return [name, ''];
  return [name.slice(0, -4), name.slice(-4)];
}
