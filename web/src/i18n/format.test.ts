import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from './i18n';
import { formatAgo, formatDuration } from './format';

afterEach(() => setLanguage('en', false));

describe('ages in the language on screen', () => {
  it('keeps the compact English captions', () => {
    expect(formatAgo(12_400)).toBe('12 s ago');
    expect(formatDuration(3 * 60_000 + 5_000)).toBe('3 min');
  });

  it('says them the way Chinese and Japanese do', () => {
    setLanguage('zh-CN', false);
    expect(formatAgo(3 * 60_000)).toBe('3分钟前');
    expect(formatDuration(2 * 3_600_000)).toBe('2小时');
    setLanguage('ja', false);
    expect(formatAgo(3 * 60_000)).toBe('3 分前');
    expect(formatDuration(12_000)).toBe('12 秒');
  });

  it('prints a dash, never throws, for an age that is not a number', () => {
    setLanguage('ja', false);
    expect(formatAgo(-Infinity)).toBe('—');
    expect(formatDuration(NaN)).toBe('—');
  });
});
