/**
 * A throwaway certificate authority and serving certificate, made fresh on every start so a
 * kubeconfig never outlives the simulator it points at. ECDSA P-256 keeps start-up fast
 * (milliseconds, where RSA-2048 generation takes a noticeable fraction of a second), and both
 * Go's crypto/tls (kubectl) and Node's TLS accept it.
 */
import { webcrypto } from 'node:crypto';
import type * as X509 from '@peculiar/x509';

/** PEM material for `https.createServer` and for the kubeconfig. */
export interface TlsMaterial {
  /** The CA certificate (goes into `certificate-authority-data`). */
  caPem: string;
  /** The serving certificate, signed by the CA. */
  certPem: string;
  /** The serving certificate's private key, PKCS#8. */
  keyPem: string;
}

const ALGORITHM: webcrypto.EcKeyGenParams & webcrypto.EcdsaParams = {
  name: 'ECDSA',
  namedCurve: 'P-256',
  hash: 'SHA-256',
};

// Go rejects certificates whose notBefore lies in its future; back-date to absorb clock skew.
const BACKDATE_MS = 60 * 60 * 1000;
const VALIDITY_MS = 365 * 24 * 60 * 60 * 1000;

function randomSerial(): string {
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0] = (bytes[0] ?? 0) & 0x7f; // a positive INTEGER, as RFC 5280 requires
  return Buffer.from(bytes).toString('hex');
}

type MetadataReflect = typeof Reflect & {
  getMetadata?: (key: unknown, target: object) => unknown;
  getOwnMetadata?: (key: unknown, target: object) => unknown;
  defineMetadata?: (key: unknown, value: unknown, target: object) => void;
};

/**
 * @peculiar/x509 registers its algorithms through tsyringe, which refuses to load without the
 * `reflect-metadata` polyfill. The three calls tsyringe makes are trivial to provide, so we
 * install a minimal store (only when no polyfill is present) instead of a global dependency.
 */
function ensureReflectMetadata(): void {
  const reflect = Reflect as MetadataReflect;
  if (reflect.getMetadata) return;
  const store = new WeakMap<object, Map<unknown, unknown>>();
  const own = (key: unknown, target: object): unknown => store.get(target)?.get(key);
  reflect.getOwnMetadata = own;
  reflect.getMetadata = (key, target) => {
    for (let t: object | null = target; t; t = Object.getPrototypeOf(t) as object | null) {
      const value = own(key, t);
      if (value !== undefined) return value;
    }
    return undefined;
  };
  reflect.defineMetadata = (key, value, target) => {
    const map = store.get(target) ?? new Map<unknown, unknown>();
    map.set(key, value);
    store.set(target, map);
  };
}

let loaded: Promise<typeof X509> | undefined;

/** Load @peculiar/x509 once, after the polyfill (a static import would evaluate too early). */
function loadX509(): Promise<typeof X509> {
  ensureReflectMetadata();
  loaded ??= import('@peculiar/x509').then((x509) => {
    // Typed loosely: with the DOM lib loaded (e2e typechecks this file too) the parameter is
    // the DOM's `Crypto`, without it Node's; the object is the same at run time.
    x509.cryptoProvider.set(webcrypto as unknown as typeof globalThis.crypto);
    return x509;
  });
  return loaded;
}

/**
 * Generate a CA and a serving certificate for the loopback addresses (IP 127.0.0.1, ::1 and
 * DNS localhost, plus any extra DNS names), valid from an hour ago for a year.
 */
export async function createTlsMaterial(
  commonName = 'kubeglance-sim',
  extraDnsNames: readonly string[] = [],
): Promise<TlsMaterial> {
  const x509 = await loadX509();
  const crypto = webcrypto as unknown as webcrypto.Crypto;
  const notBefore = new Date(Date.now() - BACKDATE_MS);
  const notAfter = new Date(notBefore.getTime() + VALIDITY_MS);

  const caKeys = (await crypto.subtle.generateKey(ALGORITHM, true, [
    'sign',
    'verify',
  ])) as webcrypto.CryptoKeyPair;
  const caCert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: `CN=${commonName}-ca`,
    notBefore,
    notAfter,
    keys: caKeys,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });

  const serverKeys = (await crypto.subtle.generateKey(ALGORITHM, true, [
    'sign',
    'verify',
  ])) as webcrypto.CryptoKeyPair;
  const serverCert = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: `CN=${commonName}`,
    issuer: caCert.subject,
    notBefore,
    notAfter,
    publicKey: serverKeys.publicKey,
    signingKey: caKeys.privateKey,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([
        { type: 'ip', value: '127.0.0.1' },
        { type: 'ip', value: '::1' },
        { type: 'dns', value: 'localhost' },
        ...extraDnsNames.map((value) => ({ type: 'dns' as const, value })),
      ]),
      await x509.AuthorityKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });

  const pkcs8 = await crypto.subtle.exportKey('pkcs8', serverKeys.privateKey);
  return {
    caPem: caCert.toString('pem'),
    certPem: serverCert.toString('pem'),
    keyPem: x509.PemConverter.encode(pkcs8, 'PRIVATE KEY'),
  };
}
