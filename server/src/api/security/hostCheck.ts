import { isIP } from 'node:net';
import type { RequestHandler } from 'express';
import { HttpError } from '../errors.js';

/**
 * Serves only requests whose Host names this server: loopback names, any IP literal (a
 * DNS-rebinding attack needs the attacker's own host name, so IP literals are safe), and
 * the configured names (`*.example.com` matches one or more labels). Anything else is
 * answered 421 Misdirected Request: a page on attacker.example that rebinds its name to
 * 127.0.0.1 cannot read the dashboard.
 */
export function hostCheck(allowedHosts: readonly string[]): RequestHandler {
  const exact = new Set(['localhost', ...allowedHosts.filter((h) => !h.startsWith('*.'))]);
  const suffixes = allowedHosts.filter((h) => h.startsWith('*.')).map((h) => h.slice(1));
  for (const h of [...exact]) exact.add(h.toLowerCase());
  return (req, _res, next) => {
    const host = hostName(req.headers.host);
    const ok =
      host !== undefined &&
      (exact.has(host) ||
        host.endsWith('.localhost') ||
        isIP(host) !== 0 ||
        suffixes.some((s) => host.endsWith(s)));
    if (ok) return next();
    next(
      new HttpError(
        421,
        'host-not-allowed',
        'this server does not answer for that host name; add it with --allowed-host',
      ),
    );
  };
}

/** The host name of a Host header, lower case, without port or IPv6 brackets. */
export function hostName(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]]+))(?::[0-9]{1,5})?$/.exec(header.trim());
  const name = (m?.[1] ?? m?.[2])?.toLowerCase().replace(/\.$/, '');
  return name === '' ? undefined : name;
}
