import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ApiErrorBody } from '@kubeglance/shared/api';

/** An error with its HTTP status and a stable machine-readable code. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const notFound = (what: string): HttpError =>
  new HttpError(404, 'not-found', `${what} not found`);

function body(code: string, message: string): ApiErrorBody {
  return { error: { code, message } };
}

export const unknownRoute: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, 'no-such-route', `no route for ${req.method} ${req.path}`));
};

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
      res.status(err.status).json(body(err.code, err.message));
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
