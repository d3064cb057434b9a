import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ApiErrorBody } from '@kubeglance/shared/api';
import type { PhraseParams } from '@kubeglance/shared/phrase';

/**
 * An error with its HTTP status, a stable machine-readable code, the English message, and the
 * message's variable parts as `params` (browsers translate the code and fill them in).
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly params?: PhraseParams,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const notFound = (what: string): HttpError =>
  new HttpError(404, 'not-found', `${what} not found`);

function body(code: string, message: string, params?: PhraseParams): ApiErrorBody {
  return { error: params === undefined ? { code, message } : { code, message, params } };
}

/** The request's full path (not relative to a router's mount point), bounded for messages. */
function fullPath(originalUrl: string): string {
  const path = originalUrl.split('?')[0] ?? '';
  return path.length > 200 ? `${path.slice(0, 200)}…` : path;
}

export const unknownRoute: RequestHandler = (req, _res, next) => {
  next(
    new HttpError(404, 'no-such-route', `no route for ${req.method} ${fullPath(req.originalUrl)}`),
  );
};

/** For a known path asked with another method: 405 with `Allow`. */
export function methodNotAllowed(allow: readonly string[]): RequestHandler {
  return (req, res, next) => {
    res.setHeader('allow', allow.join(', '));
    next(
      new HttpError(
        405,
        'method-not-allowed',
        `${req.method} is not allowed on ${fullPath(req.originalUrl)} (allowed: ${allow.join(', ')})`,
      ),
    );
  };
}

interface BodyParserError {
  type?: string;
  status?: number;
}

/**
 * The one error middleware: typed errors become `{error:{code,message}}` with their status;
 * anything unexpected is logged and answered with a generic 500, never a stack trace.
 */
export function errorHandler(log: (err: unknown) => void): ErrorRequestHandler {
  return (err: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    if (err instanceof HttpError) {
      res.status(err.status).json(body(err.code, err.message, err.params));
      return;
    }
    const bp = err as BodyParserError;
    if (typeof bp?.status === 'number' && bp.status >= 400 && bp.status < 500) {
      res.status(bp.status).json(body(bp.type ?? 'bad-request', 'malformed request'));
      return;
    }
    log(err);
    res.status(500).json(body('internal', 'internal server error'));
  };
}
