import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';

/** One viewer token; `name` identifies it in logs, rate limits and revocation. */
export interface ViewerToken {
  name: string;
  token: string;
}

/**
 * Viewer tokens from `--auth-token-file` (re-read when the file changes, so removing a line
 * revokes that token, and its sessions, without a restart) and from `KUBEGLANCE_TOKENS`.
 * One token per line (or comma-separated in the variable), optionally `name:token`;
 * blank lines and `#` comments are ignored. Unnamed tokens are named by a short hash.
 */
export class TokenStore {
  private fileTokens: ViewerToken[] = [];
  private readonly envTokens: ViewerToken[];
  private fileStamp = '';
  private checkedAt = 0;

  constructor(
    private readonly file: string | undefined,
    env: string | undefined,
    private readonly onReload: (count: number, error?: string) => void = () => undefined,
  ) {
    this.envTokens = parseTokens(env?.replaceAll(',', '\n') ?? '');
    if (file) this.reload(true);
  }

  /** Every token currently valid (re-reads the file at most once a second). */
  all(): ViewerToken[] {
    const now = Date.now();
    if (this.file && now - this.checkedAt > 1000) {
      this.checkedAt = now;
      this.reload(false);
    }
    return [...this.envTokens, ...this.fileTokens];
  }

  /** The token equal to `presented` (constant-time comparison of digests). */
  match(presented: string): ViewerToken | undefined {
    const want = digest(presented);
    return this.all().find((t) => timingSafeEqual(digest(t.token), want));
  }

  byName(name: string): ViewerToken | undefined {
    return this.all().find((t) => t.name === name);
  }

  private reload(first: boolean): void {
    const file = this.file!;
    try {
      const st = statSync(file);
      const stamp = `${st.mtimeMs}:${st.size}:${st.ino}`;
      if (stamp === this.fileStamp) return;
      this.fileTokens = parseTokens(readFileSync(file, 'utf8'));
      this.fileStamp = stamp;
      this.onReload(this.fileTokens.length);
    } catch (e) {
      if (first) throw new Error(`cannot read --auth-token-file ${file}: ${(e as Error).message}`);
      // A file being rewritten may be briefly missing: keep the last good set.
      this.onReload(this.fileTokens.length, (e as Error).message);
    }
  }
}

const MIN_TOKEN_LENGTH = 16;

export function parseTokens(text: string): ViewerToken[] {
  const out: ViewerToken[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const colon = line.indexOf(':');
    const named = colon > 0 && /^[A-Za-z0-9_.-]{1,64}$/.test(line.slice(0, colon));
    const token = named ? line.slice(colon + 1).trim() : line;
    if (token.length < MIN_TOKEN_LENGTH) {
      throw new Error(`a viewer token is shorter than ${MIN_TOKEN_LENGTH} characters`);
    }
    const name = named
      ? line.slice(0, colon)
      : `token-${digest(token).toString('hex').slice(0, 8)}`;
    out.push({ name, token });
  }
  return out;
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}
