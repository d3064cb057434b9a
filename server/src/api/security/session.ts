import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { parseCookie, stringifySetCookie } from 'cookie';
import type { TokenStore, ViewerToken } from './tokenStore.js';

/**
 * The login cookie: `name.expiry.mac`, where mac is an HMAC-SHA256 keyed with the viewer's
 * token. No server-side secret or session table: a session survives a restart of
 * kubeglance (wall screens stay logged in across deploys), and removing or changing a
 * token ends every session made with it.
 */
export const SESSION_COOKIE = 'kubeglance_session';
const LIFETIME_S = 30 * 24 * 3600;

function mac(token: ViewerToken, expiry: number): Buffer {
  return createHmac('sha256', token.token)
    .update(`kubeglance-session.${token.name}.${expiry}`)
    .digest();
}

/** Sets the session cookie: HttpOnly, SameSite=Strict, Secure when the request is HTTPS. */
export function startSession(req: Request, res: Response, token: ViewerToken): void {
  const expiry = Math.floor(Date.now() / 1000) + LIFETIME_S;
  const value = `${token.name}.${expiry}.${mac(token, expiry).toString('base64url')}`;
  res.append(
    'set-cookie',
    stringifySetCookie({
      name: SESSION_COOKIE,
      value,
      httpOnly: true,
      sameSite: 'strict',
      secure: req.secure,
      path: '/',
      maxAge: LIFETIME_S,
    }),
  );
}

export function endSession(req: Request, res: Response): void {
  res.append(
    'set-cookie',
    stringifySetCookie({
      name: SESSION_COOKIE,
      value: '',
      httpOnly: true,
      sameSite: 'strict',
      secure: req.secure,
      path: '/',
      maxAge: 0,
    }),
  );
}

/** The viewer of a valid, unexpired session cookie, if any. */
export function sessionViewer(req: Request, tokens: TokenStore): ViewerToken | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  const value = parseCookie(header)[SESSION_COOKIE];
  if (!value) return undefined;
  const m = /^(.+)\.([0-9]{1,12})\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (!m) return undefined;
  const [, name, exp, sig] = m;
  const expiry = Number(exp);
  if (expiry * 1000 < Date.now()) return undefined;
  const token = tokens.byName(name!);
  if (!token) return undefined;
  const given = Buffer.from(sig!, 'base64url');
  const want = mac(token, expiry);
  return given.length === want.length && timingSafeEqual(given, want) ? token : undefined;
}
