/**
 * A minimal path router: patterns are `/`-separated literals and `:param` segments, matched
 * segment by segment (kube paths never need more). Knowing which methods a path accepts lets
 * the pipeline answer 405 rather than 404 for a known path with the wrong verb.
 */
import type { Handler } from './context.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Route {
  pattern: string;
  methods: Partial<Record<Method, Handler>>;
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

interface CompiledRoute {
  route: Route;
  segments: string[];
}

const split = (path: string): string[] => path.split('/').filter((s) => s !== '');

export class Router {
  private readonly routes: CompiledRoute[] = [];

  add(pattern: string, methods: Route['methods']): this {
    this.routes.push({ route: { pattern, methods }, segments: split(pattern) });
    return this;
  }

  /** The first route whose pattern matches `path` (literal segments win by insertion order). */
  match(path: string): RouteMatch | undefined {
    const parts = split(path);
    for (const { route, segments } of this.routes) {
      if (segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < segments.length && ok; i++) {
        const seg = segments[i] as string;
        const part = parts[i] as string;
        if (seg.startsWith(':')) params[seg.slice(1)] = part;
        else ok = seg === part;
      }
      if (ok) return { route, params };
    }
    return undefined;
  }
}

/** Normalise a raw URL path: decode segments, drop a trailing slash. */
export function normalisePath(rawPath: string): string {
  const decoded = rawPath
    .split('/')
    .map((seg) => {
      try {
        return decodeURIComponent(seg);
      } catch {
        return seg;
      }
    })
    .join('/');
  return decoded.length > 1 && decoded.endsWith('/') ? decoded.slice(0, -1) : decoded;
}
