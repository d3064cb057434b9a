import http from 'node:http';
import https from 'node:https';
import { httpError, networkError, UpstreamError } from './upstreamError.js';

/**
 * A successful answer as it arrived: the socket's chunks, not joined. Joining a 56 MiB
 * PodMetricsList into one buffer took 400 ms of the event loop on the 2-core machine
 * (allocating and copying fresh memory is slow there); the metrics parse worker joins it.
 */
export interface WireBody {
  chunks: Buffer[];
  /** Bytes on the wire (compressed, when the apiserver gzipped the answer). */
  bytes: number;
  gzipped: boolean;
}

/** One request, settled by its answer, its failure or `deadline`, whichever comes first. */
export function send(
  url: URL,
  options: https.RequestOptions,
  deadline: AbortSignal,
  timeoutMs: number,
  path: string,
  body: Buffer | undefined,
): Promise<WireBody> {
  const lib = url.protocol === 'http:' ? http : https;
  return new Promise((resolve, reject) => {
    if (deadline.aborted) {
      reject(abortError(deadline, timeoutMs, path));
      return;
    }
    const req = lib.request(url, options, (res) => {
      const chunks: Buffer[] = [];
      let bytes = 0;
      res.on('data', (c: Buffer) => {
        chunks.push(c);
        bytes += c.length;
      });
      res.on('error', (e) => reject(networkError(e, path)));
      res.on('end', () => {
        deadline.removeEventListener('abort', onAbort);
        const status = res.statusCode ?? 0;
        const gzipped = res.headers['content-encoding'] === 'gzip';
        if (status >= 200 && status < 300) resolve({ chunks, bytes, gzipped });
        else reject(httpError(status, Buffer.concat(chunks), res.headers['retry-after'], path));
      });
    });
    // Settle first: destroying the request makes the socket report its own, vaguer error.
    const onAbort = () => {
      const error = abortError(deadline, timeoutMs, path);
      reject(error);
      req.destroy(error);
    };
    deadline.addEventListener('abort', onAbort, { once: true });
    req.on('error', (e) => {
      deadline.removeEventListener('abort', onAbort);
      reject(e instanceof UpstreamError ? e : networkError(e, path));
    });
    req.end(body);
  });
}

/** The deadline passed (`timeout`), or the pipeline stopped (the stop reason, as is). */
function abortError(signal: AbortSignal, timeoutMs: number, path: string): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof DOMException && reason.name === 'TimeoutError') {
    return new UpstreamError({
      kind: 'timeout',
      message: `no complete answer within ${timeoutMs} ms`,
      path,
      cause: reason,
    });
  }
  return reason instanceof Error ? reason : new Error(String(reason));
}
