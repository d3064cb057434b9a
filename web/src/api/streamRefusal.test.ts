/**
 * The stream's refusal and loss texts in the language on screen: what the server's `{error}`
 * code means (with its numbers), never its English message, and the client's own words too.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../i18n/i18n';
import { openStream, type ConnectionInfo } from './streamClient';

const refusedWith = (status: number, error: object) =>
  vi.fn(async () => new Response(JSON.stringify({ error }), { status }));

/** The connection's state after the first answer, in `lang`. */
async function firstError(lang: 'en' | 'zh-CN' | 'ja', fetchFn: typeof fetch) {
  setLanguage(lang, false);
  vi.stubGlobal('fetch', fetchFn);
  const states: ConnectionInfo[] = [];
  const close = openStream({
    clusters: ['a'],
    onEvent: () => undefined,
    onConnection: (info) => states.push(info),
  });
  await vi.advanceTimersByTimeAsync(0);
  close();
  return states.at(-1)!.error;
}

const tooMany = {
  code: 'too-many-streams',
  message: 'this client already has 3 streams open (limit 3)',
  params: { open: 3, limit: 3 },
};
const rateLimited = {
  code: 'rate-limited',
  message: 'more than 120 API requests a minute',
  params: { perMinute: 120 },
};

describe('stream refusals', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    setLanguage('en', false);
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('English says the server’s own words', async () => {
    expect(await firstError('en', refusedWith(429, tooMany))).toBe(
      'the server refused the stream (429: this client already has 3 streams open (limit 3))',
    );
  });

  it('zh-CN and ja say what the code means, with the limit, and no English', async () => {
    expect(await firstError('zh-CN', refusedWith(429, tooMany))).toBe(
      '服务器拒绝了数据流（429：打开的实时数据流过多（上限 3 个），请关闭其他 kubeglance 标签页）',
    );
    expect(await firstError('ja', refusedWith(429, rateLimited))).toBe(
      'サーバーがストリームを拒否しました（429：このブラウザーからの API リクエストが毎分 120 件を超えました。しばらくお待ちください）',
    );
  });

  it('an unknown code shows the server’s message marked as English; no body, the status', async () => {
    expect(await firstError('ja', refusedWith(503, { code: 'new', message: 'busy' }))).toBe(
      'サーバーがストリームを拒否しました（503：busy（サーバーの英語のメッセージ））',
    );
    const bare = vi.fn(async () => new Response('<html>bad gateway</html>', { status: 502 }));
    expect(await firstError('zh-CN', bare)).toBe('服务器拒绝了数据流（502）');
  });

  it('an unreachable server is said in the language on screen', async () => {
    const down = vi.fn(() => Promise.reject(new TypeError('fetch failed')));
    expect(await firstError('zh-CN', down)).toBe('无法连接 kubeglance 服务器');
  });
});
