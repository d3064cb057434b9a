/**
 * The aggregator's own errors. kube-aggregator answers a request for an unavailable APIService
 * (and one whose backend it cannot reach) with Go's `http.Error`: status 503 and a plain-text
 * body, `service unavailable` or `error trying to reach service: <cause>`, not a Status object.
 * Clients must cope with both; the simulator answers exactly like that.
 */
import type { ServerResponse } from 'node:http';

/** Thrown by handlers; the pipeline writes it as the aggregator does. */
export class AggregatorError extends Error {
  constructor(
    message: string,
    readonly code = 503,
  ) {
    super(message);
    this.name = 'AggregatorError';
  }
}

/** The aggregator's answer for an APIService that is not Available. */
export function serviceUnavailableText(): AggregatorError {
  return new AggregatorError('service unavailable');
}

/** The aggregator's answer when the APIService's backend cannot be reached. */
export function unreachableText(cause: string): AggregatorError {
  return new AggregatorError(`error trying to reach service: ${cause}`);
}

/** Writes the error like Go's `http.Error` (text/plain, nosniff, trailing newline). */
export function sendAggregatorError(res: ServerResponse, err: AggregatorError): void {
  if (res.headersSent || res.destroyed) return;
  const body = `${err.message}\n`;
  res.writeHead(err.code, {
    'Content-Type': 'text/plain; charset=utf-8',
    'X-Content-Type-Options': 'nosniff',
    'Content-Length': String(Buffer.byteLength(body)),
  });
  res.end(body);
}
