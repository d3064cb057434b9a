import type { RequestOptions } from 'node:https';
import { createSecureContext, type SecureContext } from 'node:tls';

/** The TLS fields of request options that make up a secure context. */
const FIELDS = ['ca', 'cert', 'key', 'pfx', 'passphrase'] as const;

/**
 * Secure contexts by the TLS credentials they hold. Without one, every new connection to the
 * apiserver builds its own from the kubeconfig's CA and client certificate (node copies the
 * whole root store into each), tens of milliseconds of the event loop per metrics poll.
 * Credentials that change (a rotated client certificate, a rewritten kubeconfig) get a new
 * context; the last few are kept.
 */
export class SecureContexts {
  private readonly byKey = new Map<string, SecureContext>();

  /** The context for these options' credentials; undefined when they carry none (plain http). */
  for(options: RequestOptions): SecureContext | undefined {
    const parts = FIELDS.map((f) => textOf(options[f]));
    if (parts.every((p) => p === '')) return undefined;
    const key = parts.join('\0');
    let context = this.byKey.get(key);
    if (!context) {
      try {
        context = createSecureContext(Object.fromEntries(FIELDS.map((f) => [f, options[f]])));
      } catch {
        // Unusable credentials: the connection builds its own and fails as it always did.
        return undefined;
      }
      if (this.byKey.size >= 4) this.byKey.clear();
      this.byKey.set(key, context);
    }
    return context;
  }
}

function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(textOf).join('\u0001');
  if (Buffer.isBuffer(value)) return value.toString('latin1');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
