import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { accessLog } from './accessLog.js';

/** An app behind the access log, its log lines collected as parsed JSON. */
async function withApp(
  level: 'info' | 'debug',
  run: (url: string) => Promise<void>,
): Promise<Record<string, unknown>[]> {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString().split('\n')) if (l) lines.push(JSON.parse(l));
      done();
    },
  });
  const app = express();
  app.use(accessLog(pino({ level }, sink)));
  app.get('/api/v1/clusters', (_req, res) => {
    res.json({ items: [] });
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    await new Promise((r) => server.close(r));
  }
  return lines;
}

describe('access log', () => {
  it('writes one line per request at debug: method, path and status, never the query or headers', async () => {
    const lines = await withApp('debug', async (url) => {
      await fetch(`${url}/api/v1/clusters?token=secret-in-query`, {
        headers: { authorization: 'Bearer secret-in-header', cookie: 'kg=secret-cookie' },
      });
      await fetch(`${url}/nope`);
    });
    expect(lines.map((l) => l.msg)).toEqual(['GET /api/v1/clusters 200', 'GET /nope 404']);
    expect(lines[0]).toMatchObject({ req: { method: 'GET', path: '/api/v1/clusters' } });
    expect(JSON.stringify(lines)).not.toMatch(/secret/);
  });

  it('follows a level changed while running', async () => {
    const sinkLines: string[] = [];
    const log = pino(
      { level: 'info' },
      new Writable({
        write(chunk: Buffer, _enc, done) {
          sinkLines.push(...chunk.toString().split('\n').filter(Boolean));
          done();
        },
      }),
    );
    const app = express();
    app.use(accessLog(log));
    app.get('/x', (_req, res) => void res.json({}));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`;
    try {
      await fetch(url);
      log.level = 'debug';
      await fetch(url);
    } finally {
      await new Promise((r) => server.close(r));
    }
    expect(sinkLines.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(['GET /x 200']);
  });

  it('is silent at the default info level', async () => {
    const lines = await withApp('info', async (url) => {
      await fetch(`${url}/api/v1/clusters`);
    });
    expect(lines).toEqual([]);
  });
});
