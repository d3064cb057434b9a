/**
 * `Status` objects: the body kube-apiserver sends with every error. Clients (client-go,
 * client-node, kubectl) read `reason`/`code`/`message` from it, so the wording follows the
 * real server's phrasing for each case we imitate.
 */

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  retryAfterSeconds?: number;
  causes?: { reason?: string; message?: string; field?: string }[];
}

export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure';
  message: string;
  reason: string;
  details?: StatusDetails;
  code: number;
}

/** Build a failure Status; field order matches the apiserver's JSON. */
export function failure(
  code: number,
  reason: string,
  message: string,
  details?: StatusDetails,
): Status {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(details ? { details } : {}),
    code,
  };
}

/**
 * Thrown by handlers to answer with a Status; the pipeline catches it and writes the body.
 * Extra headers (e.g. Retry-After) travel with it.
 */
export class ApiError extends Error {
  constructor(
    readonly status: Status,
    readonly headers: Record<string, string> = {},
  ) {
    super(status.message);
    this.name = 'ApiError';
  }
}

/** `resource` is plural and group-qualified when not core, e.g. `podmetrics.metrics.k8s.io`. */
export function notFound(resource: string, name: string, kind = resource.split('.')[0]): Status {
  const group = resource.includes('.') ? resource.slice(resource.indexOf('.') + 1) : undefined;
  return failure(404, 'NotFound', `${resource} "${name}" not found`, {
    name,
    ...(group ? { group } : {}),
    kind,
  });
}

/** The apiserver's answer for a path no handler serves. */
export function pathNotFound(): Status {
  return failure(404, 'NotFound', 'the server could not find the requested resource', {});
}

export function badRequest(message: string): Status {
  return failure(400, 'BadRequest', message);
}

export function unauthorized(): Status {
  return failure(401, 'Unauthorized', 'Unauthorized');
}

export function methodNotAllowed(): Status {
  return failure(
    405,
    'MethodNotAllowed',
    'the server does not allow this method on the requested resource',
    {},
  );
}

/** 410 for a resourceVersion or continue token older than the retained history. */
export function expired(message: string): Status {
  return failure(410, 'Expired', message);
}

/** API Priority and Fairness rejection. */
export function tooManyRequests(retryAfterSeconds: number): Status {
  return failure(429, 'TooManyRequests', 'Too many requests, please try again later.', {
    retryAfterSeconds,
  });
}

/** What the aggregator answers while an APIService is not Available. */
export function serviceUnavailable(): Status {
  return failure(503, 'ServiceUnavailable', 'the server is currently unable to handle the request');
}

export function internalError(message: string): Status {
  return failure(500, 'InternalError', `Internal error occurred: ${message}`, {
    causes: [{ message }],
  });
}

/**
 * RBAC denial, worded as the authorizer does, e.g. `nodes.metrics.k8s.io is forbidden: User
 * "system:anonymous" cannot list resource "nodes" in API group "metrics.k8s.io" at the cluster
 * scope`.
 */
export function forbidden(params: {
  user: string;
  verb: string;
  resource: string;
  group: string;
  namespace?: string;
  name?: string;
  /** e.g. `log` for `pods/log`: named in the sentence, not in the subject. */
  subresource?: string;
}): Status {
  const { user, verb, resource, group, namespace, name, subresource } = params;
  const qualified = group ? `${resource}.${group}` : resource;
  const subject = name ? `${qualified} "${name}"` : qualified;
  const scope = namespace ? `in the namespace "${namespace}"` : 'at the cluster scope';
  const full = subresource ? `${resource}/${subresource}` : resource;
  const message =
    `${subject} is forbidden: User "${user}" cannot ${verb} resource "${full}" ` +
    `in API group "${group}" ${scope}`;
  return failure(403, 'Forbidden', message, {
    ...(name ? { name } : {}),
    group,
    kind: resource,
  });
}

/** RBAC denial of a non-resource path, e.g. `forbidden: User "u" cannot get path "/metrics"`. */
export function forbiddenPath(user: string, verb: string, path: string): Status {
  return failure(403, 'Forbidden', `forbidden: User "${user}" cannot ${verb} path "${path}"`, {});
}
