import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Browser hardening with helmet: a CSP that allows only this origin's scripts, styles and
 * connections (the built app has no inline script or style; React sets styles through the
 * CSSOM, which CSP does not restrict), `frame-ancestors` from `--frame-ancestors` (NOC
 * screens embedded in another dashboard), nosniff and no referrer. HSTS is left to the TLS
 * terminator in front, which knows whether HTTPS is really used.
 */
export function securityHeaders(frameAncestors: readonly string[]): RequestHandler {
  const framedElsewhere = frameAncestors.some((s) => s !== "'self'" && s !== "'none'");
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: [...frameAncestors],
      },
    },
    // X-Frame-Options cannot name other origins; with frame-ancestors set it is ignored by
    // current browsers, and an old browser honouring it would break the embedding.
    xFrameOptions: framedElsewhere ? false : { action: 'sameorigin' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: false,
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
}
