/**
 * The login page: plain server-rendered HTML with no script and no inline style, so it
 * works under the strict CSP; styled by `/login.css`. The token travels only in a POST
 * body, never in a URL.
 */
export const LOGIN_CSS = `body{font:16px system-ui,sans-serif;background:#0f172a;color:#e2e8f0;display:grid;place-items:center;min-height:100vh;margin:0}
form{background:#1e293b;padding:2rem;border-radius:8px;display:grid;gap:1rem;min-width:20rem}
h1{font-size:1.25rem;margin:0}input{font:inherit;padding:.5rem;border-radius:4px;border:1px solid #475569;background:#0f172a;color:inherit}
button{font:inherit;padding:.5rem;border:0;border-radius:4px;background:#2563eb;color:#fff;cursor:pointer}.error{color:#fca5a5;margin:0}`;

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function loginPage(next: string, error?: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>kubeglance: sign in</title><link rel="stylesheet" href="/login.css"></head>
<body><form method="post" action="/login">
<h1>kubeglance</h1>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<label for="token">Viewer token</label>
<input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
<input type="hidden" name="next" value="${escapeHtml(next)}">
<button type="submit">Sign in</button>
</form></body></html>
`;
}

/** A same-site path to return to after login; anything else becomes `/`. */
export function safeNext(value: unknown): string {
  if (typeof value !== 'string' || value.length > 512) return '/';
  return /^\/(?![/\\])[A-Za-z0-9._~!$&'()*+,;=:@%/?-]*$/.test(value) ? value : '/';
}
