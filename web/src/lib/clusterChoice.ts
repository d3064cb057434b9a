/** Which cluster a URL without `:cluster` means. */

export type ClusterChoice =
  | { kind: 'loading' }
  | { kind: 'none' }
  | { kind: 'unknown'; name: string }
  | { kind: 'ok'; name: string };

/**
 * The URL's cluster when given (it must exist); otherwise the last one the user
 * looked at, if it still exists; otherwise the first the server lists.
 */
export function chooseCluster(
  names: readonly string[] | undefined,
  fromUrl: string | undefined,
  remembered: string | null,
): ClusterChoice {
  if (fromUrl != null && names?.includes(fromUrl)) return { kind: 'ok', name: fromUrl };
  if (names === undefined) return { kind: 'loading' };
  if (fromUrl != null) return { kind: 'unknown', name: fromUrl };
  if (remembered != null && names.includes(remembered)) return { kind: 'ok', name: remembered };
  const first = names[0];
  return first === undefined ? { kind: 'none' } : { kind: 'ok', name: first };
}
