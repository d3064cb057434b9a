/** Boolean query parameters, parsed exactly as the apiserver parses them. */

/**
 * A boolean query parameter as the apiserver converts it (apimachinery's
 * `Convert_Slice_string_To_bool`): absent is false, `0` and `false` (any case) are false, and
 * anything else, the empty string included, is true.
 */
export function queryFlag(query: URLSearchParams, name: string): boolean {
  const value = query.get(name);
  if (value === null) return false;
  return value !== '0' && value.toLowerCase() !== 'false';
}

/** `?watch=…` by the apiserver's rule: `watch`, `watch=`, `watch=yes` all start a watch. */
export function isWatchRequest(query: URLSearchParams): boolean {
  return queryFlag(query, 'watch');
}
