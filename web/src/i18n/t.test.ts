import { afterEach, describe, expect, it } from 'vitest';
import { en } from './locales/en';
import { ja } from './locales/ja';
import { zhCN } from './locales/zh-CN';
import { setLanguage } from './i18n';
import { t } from './t';

afterEach(() => setLanguage('en', false));

describe('t', () => {
  it('keeps a text without parameters per language: a switch is followed at once', () => {
    expect(t('common.pods')).toBe(en.common.pods);
    expect(t('common.nodes')).toBe(en.common.nodes);
    setLanguage('ja', false);
    expect(t('common.nodes')).toBe(ja.common.nodes);
    setLanguage('zh-CN', false);
    expect(t('common.nodes')).toBe(zhCN.common.nodes);
    setLanguage('en', false);
    expect(t('common.nodes')).toBe(en.common.nodes);
  });

  it('fills parameters on every call, not from what an earlier call kept', () => {
    expect(t('noc.groupNodes', { n: 3 })).toBe('3 nodes');
    expect(t('noc.groupNodes', { n: 4 })).toBe('4 nodes');
    setLanguage('ja', false);
    expect(t('noc.groupNodes', { n: 4 })).toBe(ja.noc.groupNodes.replace('{{n}}', '4'));
  });
});
