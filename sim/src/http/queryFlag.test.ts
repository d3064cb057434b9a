import { describe, expect, it } from 'vitest';
import { isWatchRequest, queryFlag } from './queryFlag.js';

describe('queryFlag (apimachinery Convert_Slice_string_To_bool)', () => {
  it.each([
    ['', false],
    ['watch', true],
    ['watch=', true],
    ['watch=1', true],
    ['watch=true', true],
    ['watch=True', true],
    ['watch=yes', true],
    ['watch=2', true],
    ['watch=0', false],
    ['watch=false', false],
    ['watch=FALSE', false],
    ['watch=0&watch=1', false],
  ])('%j → %s', (search, expected) => {
    expect(isWatchRequest(new URLSearchParams(search))).toBe(expected);
    expect(queryFlag(new URLSearchParams(search.replaceAll('watch', 'x')), 'x')).toBe(expected);
  });
});
