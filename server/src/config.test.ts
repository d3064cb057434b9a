import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.js';

describe('parseConfig', () => {
  it('has defaults', () => {
    const c = parseConfig([], {});
    expect(c).toMatchObject({
      host: '127.0.0.1',
      port: 8080,
      retentionMs: 3_600_000,
      demo: false,
      contexts: [],
    });
    expect(c.resolutionMs).toBeUndefined();
  });

  it('reads flags before env, ignores a stray --, repeats --context', () => {
    const c = parseConfig(
      [
        '--',
        '--port',
        '9000',
        '--context',
        'a',
        '--context',
        'b',
        '--resolution',
        '1m0s',
        '--retention',
        '2h',
      ],
      { PORT: '7000', HOST: '0.0.0.0' },
    );
    expect(c).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      contexts: ['a', 'b'],
      resolutionMs: 60_000,
      retentionMs: 7_200_000,
    });
  });

  it.each([
    [['--port', 'x']],
    [['--port', '70000']],
    [['--retention', 'forever']],
    [['--log-level', 'loud']],
    [['--bogus']],
    [['positional']],
  ])('rejects %j', (argv) => {
    expect(() => parseConfig(argv, {})).toThrow(ConfigError);
  });
});
