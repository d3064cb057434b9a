import type { RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { HttpError } from '../errors.js';
import { clientKey } from './auth.js';

/**
 * Per-client API rate limit (express-rate-limit, a one-minute window). A client is the
 * authenticated viewer, else its address (IPv6 grouped by /56, as the library advises),
 * so one flooding client is turned away with 429 while others are served as usual.
 */
export function apiRateLimit(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (req, res) => {
      const viewer = res.locals.viewer as string | undefined;
      return viewer !== undefined ? `viewer:${viewer}` : ipKeyGenerator(req.ip ?? '');
    },
    handler: (_req, _res, next) => {
      next(
        new HttpError(429, 'rate-limited', `more than ${perMinute} API requests a minute`, {
          perMinute,
        }),
      );
    },
  });
}

/** Caps on open SSE streams, in total and per client. */
export class StreamLimits {
  private readonly perClient = new Map<string, number>();
  private total = 0;

  constructor(
    private readonly maxTotal: number,
    private readonly maxPerClient: number,
  ) {}

  /** Counts a new stream until `res` closes, or throws 503/429 when a cap is reached. */
  admit(req: Parameters<RequestHandler>[0], res: Response): void {
    const key = clientKey(res, req);
    const mine = this.perClient.get(key) ?? 0;
    if (this.total >= this.maxTotal) {
      throw new HttpError(
        503,
        'too-many-streams',
        'the server has as many streams open as allowed',
        { limit: this.maxTotal },
      );
    }
    if (mine >= this.maxPerClient) {
      throw new HttpError(
        429,
        'too-many-streams',
        `this client already has ${mine} streams open (limit ${this.maxPerClient})`,
        { open: mine, limit: this.maxPerClient },
      );
    }
    this.total += 1;
    this.perClient.set(key, mine + 1);
    res.once('close', () => {
      this.total -= 1;
      const n = (this.perClient.get(key) ?? 1) - 1;
      if (n <= 0) this.perClient.delete(key);
      else this.perClient.set(key, n);
    });
  }
}
