/**
 * The parameters of the server's sentences (diagnostics phrases and pipeline problems): plain
 * numbers and strings, and lists of names sent as the names shown plus how many there are in
 * all, so each browser says "and 3 more" in its own language. Parsed with zod at the boundary.
 */
import * as z from 'zod/mini';

/** Up to a few names (shown) and the total they come from (`total - names.length` more). */
export interface NameList {
  names: string[];
  total: number;
}

export const nameListSchema = z
  .object({ names: z.array(z.string()), total: z.number().check(z.int(), z.nonnegative()) })
  .check(z.refine((l) => l.names.length <= l.total, { message: 'more names than the total' }));

/** One parameter: a number, a string (names, commands and upstream text stay as sent) or a list. */
export type PhraseParam = string | number | NameList;
export type PhraseParams = Record<string, PhraseParam>;

export const phraseParamsSchema = z.record(
  z.string(),
  z.union([z.string(), z.number(), nameListSchema]),
);

export const phraseSchema = z.object({
  code: z.string(),
  params: phraseParamsSchema,
  text: z.string(),
});

/** The first `max` of `all` (as given) and their total. */
export function nameList(all: readonly string[], max: number): NameList {
  return { names: all.slice(0, max), total: all.length };
}

/** The English form of a list, for the API's `text`/`message` and the log: "a, b and 3 more". */
export function englishNames(list: NameList): string {
  const shown = list.names.join(', ');
  const more = list.total - list.names.length;
  return more > 0 ? `${shown} and ${more} more` : shown;
}

export function isNameList(p: PhraseParam): p is NameList {
  return typeof p === 'object';
}
