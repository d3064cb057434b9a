/**
 * Bearer-token authentication, the only credential the simulator's kubeconfig carries. Like
 * kube-apiserver with anonymous auth disabled, anything else is 401 before routing.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A fresh random token (kube tokens are opaque strings; this one is URL-safe). */
export function generateToken(): string {
  return `kgsim.${randomBytes(24).toString('base64url')}`;
}

/** Does the request carry `Authorization: Bearer <token>` (scheme case-insensitive)? */
export function isAuthorized(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return false;
  const match = /^bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) return false;
  const given = Buffer.from(match[1] as string, 'utf8');
  const expected = Buffer.from(token, 'utf8');
  // Constant-time compare: the token is a real secret when the sim listens beyond loopback.
  return given.length === expected.length && timingSafeEqual(given, expected);
}
