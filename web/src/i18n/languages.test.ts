import { describe, expect, it } from 'vitest';
import { detectLanguage, matchLanguage } from './languages';

describe('matchLanguage', () => {
  it('maps browser tags onto the languages offered', () => {
    expect(matchLanguage('en-GB')).toBe('en');
    expect(matchLanguage('ja-JP')).toBe('ja');
    expect(matchLanguage('zh')).toBe('zh-CN');
    expect(matchLanguage('zh-Hans-CN')).toBe('zh-CN');
    expect(matchLanguage('zh_SG')).toBe('zh-CN');
  });

  it('does not offer Simplified Chinese to Traditional readers, nor anything for others', () => {
    expect(matchLanguage('zh-TW')).toBeNull();
    expect(matchLanguage('zh-Hant-HK')).toBeNull();
    expect(matchLanguage('de-DE')).toBeNull();
    expect(matchLanguage('')).toBeNull();
    expect(matchLanguage(null)).toBeNull();
  });
});

describe('detectLanguage', () => {
  it('prefers ?lang=, then the saved choice, then the browser, then English', () => {
    expect(detectLanguage({ query: 'ja', stored: 'zh-CN', preferred: ['en'] })).toBe('ja');
    expect(detectLanguage({ query: 'xx', stored: 'zh-CN', preferred: ['ja'] })).toBe('zh-CN');
    expect(detectLanguage({ query: null, stored: null, preferred: ['de', 'zh-TW', 'ja'] })).toBe(
      'ja',
    );
    expect(detectLanguage({ query: null, stored: null, preferred: ['de', 'fr'] })).toBe('en');
  });
});
