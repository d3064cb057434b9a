/**
 * What the authorizer sees of a request, derived from its path, method and query the way
 * kube-apiserver's RequestInfoFactory does: resource requests under `/api/v1` and
 * `/apis/{group}/{version}` (verb, group, namespace, resource, subresource, name), everything
 * else a non-resource request (verb + path).
 */

export interface ResourceAttributes {
  kind: 'resource';
  verb: string;
  group: string;
  namespace: string;
  resource: string;
  subresource: string;
  name: string;
}

export interface NonResourceAttributes {
  kind: 'nonResource';
  verb: string;
  path: string;
}

export type RequestAttributes = ResourceAttributes | NonResourceAttributes;

const HTTP_VERBS: Record<string, string> = {
  GET: 'get',
  HEAD: 'get',
  POST: 'create',
  PUT: 'update',
  PATCH: 'patch',
  DELETE: 'delete',
};

/** `/namespaces/{name}/status` is the namespace's own subresource, not a namespaced path. */
const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

function isWatch(query: URLSearchParams): boolean {
  const w = query.get('watch');
  return w === '1' || w === 'true';
}

/** `path` is the decoded path without a trailing slash. */
export function requestAttributes(
  method: string,
  path: string,
  query: URLSearchParams,
): RequestAttributes {
  const httpVerb = HTTP_VERBS[method] ?? method.toLowerCase();
  const parts = path.split('/').filter((s) => s !== '');
  let rest: string[];
  let group: string;
  if (parts[0] === 'api' && parts.length >= 3) {
    group = '';
    rest = parts.slice(2);
  } else if (parts[0] === 'apis' && parts.length >= 4) {
    group = parts[1] as string;
    rest = parts.slice(3);
  } else {
    return { kind: 'nonResource', verb: httpVerb, path };
  }
  let verb = httpVerb;
  if (rest[0] === 'watch') {
    verb = 'watch';
    rest = rest.slice(1);
  }
  let namespace = '';
  if (rest[0] === 'namespaces' && rest.length >= 3 && !NAMESPACE_SUBRESOURCES.has(rest[2]!)) {
    namespace = rest[1] as string;
    rest = rest.slice(2);
  }
  const [resource = '', name = '', subresource = ''] = rest;
  // A namespace object itself: /api/v1/namespaces/{name}[/status].
  if (!namespace && resource === 'namespaces' && name) namespace = name;
  if (verb === 'get' && !name) verb = isWatch(query) ? 'watch' : 'list';
  else if (verb === 'get' && isWatch(query)) verb = 'watch';
  else if (verb === 'delete' && !name) verb = 'deletecollection';
  // A watch of one object goes by fieldSelector=metadata.name=X (client-go's informers).
  const byField = /(?:^|,)metadata\.name=([^,]+)/.exec(query.get('fieldSelector') ?? '');
  const named = name || (verb === 'watch' || verb === 'list' ? (byField?.[1] ?? '') : '');
  return { kind: 'resource', verb, group, namespace, resource, subresource, name: named };
}
