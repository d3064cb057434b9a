import express, { Router, type Request, type RequestHandler, type Response } from 'express';
import type { AuthMode } from '../../config.js';
import { HttpError } from '../errors.js';
import { LOGIN_CSS, loginPage, safeNext } from './loginPage.js';
import { endSession, sessionViewer, startSession } from './session.js';
import type { TokenStore } from './tokenStore.js';

export interface AuthOptions {
  mode: AuthMode;
  tokens: TokenStore | undefined;
  /** Lower-case header name carrying the user in proxy mode. */
  proxyHeader: string;
  isTrustedProxy: (address: string | undefined) => boolean;
}

/** Who is asking: the viewer's name when authenticated, else the client address. */
export function clientKey(res: Response, req: Request): string {
  const viewer = res.locals.viewer as string | undefined;
  return viewer !== undefined ? `viewer:${viewer}` : `ip:${req.ip ?? 'unknown'}`;
}

function viewerOf(req: Request, o: AuthOptions): string | undefined {
  if (o.mode === 'proxy') {
    if (!o.isTrustedProxy(req.socket.remoteAddress)) return undefined;
    const user = req.headers[o.proxyHeader];
    return typeof user === 'string' && user.trim() !== '' ? user.trim() : undefined;
  }
  const tokens = o.tokens!;
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return tokens.match(auth.slice(7).trim())?.name;
  return sessionViewer(req, tokens)?.name;
}

/**
 * Requires a viewer on every route mounted after it. A browser navigating to a page is
 * sent to the login form (token mode); API, SSE and `/metrics` clients get a 401 JSON
 * error. `Authorization: Bearer <token>` works for scripts and Prometheus.
 */
export function requireAuth(o: AuthOptions): RequestHandler {
  return (req, res, next) => {
    if (o.mode === 'none') return next();
    const viewer = viewerOf(req, o);
    if (viewer !== undefined) {
      res.locals.viewer = viewer;
      return next();
    }
    const page =
      (req.method === 'GET' || req.method === 'HEAD') &&
      !req.path.startsWith('/api/') &&
      req.path !== '/metrics' &&
      (req.headers.accept ?? '').includes('text/html');
    if (o.mode === 'token' && page) {
      res.redirect(303, `/login?next=${encodeURIComponent(safeNext(req.originalUrl))}`);
      return;
    }
    if (o.mode === 'token') res.setHeader('www-authenticate', 'Bearer realm="kubeglance"');
    next(
      new HttpError(
        401,
        'unauthenticated',
        o.mode === 'token'
          ? 'sign in at /login or send Authorization: Bearer <viewer token>'
          : 'no authenticated user from a trusted proxy',
      ),
    );
  };
}

/** `/login` (form and POST), `/logout` and the form's stylesheet; token mode only. */
export function loginRouter(o: AuthOptions): Router {
  const router = Router();
  if (o.mode !== 'token') return router;
  const tokens = o.tokens!;
  const form = express.urlencoded({ extended: false, limit: '4kb', parameterLimit: 4 });
  router.get('/login.css', (_req, res) => {
    res.type('text/css').setHeader('cache-control', 'max-age=3600').send(LOGIN_CSS);
  });
  router.get('/login', (req, res) => {
    res.type('html').setHeader('cache-control', 'no-store');
    res.send(loginPage(safeNext(req.query.next)));
  });
  router.post('/login', form, (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const next = safeNext(body.next);
    const token = typeof body.token === 'string' ? tokens.match(body.token.trim()) : undefined;
    res.setHeader('cache-control', 'no-store');
    if (!token) {
      res.status(401).type('html').send(loginPage(next, 'That token is not valid.'));
      return;
    }
    startSession(req, res, token);
    res.redirect(303, next);
  });
  router.post('/logout', (req, res) => {
    endSession(req, res);
    res.redirect(303, '/login');
  });
  return router;
}
