/**
 * Column order for narrow screens: on a phone the columns people look for first (name, CPU,
 * memory) lead and the others follow in their desktop order, reached by scrolling sideways.
 * The desktop order is the one the column list is written in.
 */
export function leadingColumns<T extends { key: string }>(
  columns: readonly T[],
  first: readonly string[],
  apply: boolean,
): readonly T[] {
  if (!apply) return columns;
  const lead = first.flatMap((k) => columns.filter((c) => c.key === k));
  return [...lead, ...columns.filter((c) => !first.includes(c.key))];
}
