import { z } from 'zod';
import { HISTORY_RANGES, LONG_HISTORY_RANGES, type HistoryRange } from '@kubeglance/shared/api';
import { HttpError } from './errors.js';

/**
 * Request parameters, validated once at the edge. Names must be valid Kubernetes names
 * (so nothing odd reaches a lookup or a log line) and unknown query keys are rejected
 * rather than silently ignored, so a typo in a dashboard link is noticed.
 */

// DNS-1123 label (namespaces) and subdomain (nodes, pods); cluster names are kubeconfig
// context names, which are freer, but still bounded to a safe character set.
const label = z
  .string()
  .max(63)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a DNS-1123 label');
const subdomain = z
  .string()
  .max(253)
  .regex(
    /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/,
    'must be a DNS-1123 subdomain',
  );
const clusterName = z
  .string()
  .max(253)
  .regex(/^[A-Za-z0-9]([-A-Za-z0-9_.@:/]*[A-Za-z0-9])?$/, 'invalid cluster name');
const containerName = label;

export const clusterParams = z.object({ cluster: clusterName });
export const namespaceParams = clusterParams.extend({ namespace: label });
export const nodeParams = clusterParams.extend({ node: subdomain });

export const topPodsQuery = z
  .object({
    sort: z.enum(['cpu', 'memory']).default('cpu'),
    limit: z
      .string()
      .regex(/^[1-9][0-9]{0,3}$/, 'must be a whole number from 1 to 1000')
      .transform(Number)
      .pipe(z.number().max(1000))
      .default(10),
    namespace: label.optional(),
  })
  .strict();

export const historyQuery = z
  .object({
    scope: z.enum(['cluster', 'node', 'namespace', 'pod', 'container']),
    name: z.string().optional(),
    namespace: label.optional(),
    pod: subdomain.optional(),
    range: z
      .enum([...HISTORY_RANGES, ...LONG_HISTORY_RANGES] as [HistoryRange, ...HistoryRange[]])
      .default('15m'),
  })
  .strict()
  .superRefine((q, ctx) => {
    const need = (field: 'name' | 'namespace' | 'pod') => {
      if (q[field] === undefined)
        ctx.addIssue({ code: 'custom', path: [field], message: `required for scope=${q.scope}` });
    };
    if (q.scope === 'node') need('name');
    if (q.scope === 'namespace') need('namespace');
    if (q.scope === 'pod' || q.scope === 'container') {
      need('namespace');
      need('pod');
    }
    if (q.scope === 'container') need('name');
    if (q.scope === 'node' && q.name !== undefined && !subdomain.safeParse(q.name).success) {
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'must be a DNS-1123 subdomain' });
    }
    if (
      q.scope === 'container' &&
      q.name !== undefined &&
      !containerName.safeParse(q.name).success
    ) {
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'must be a DNS-1123 label' });
    }
  });

export const streamQuery = z.object({ clusters: z.string().max(4096).optional() }).strict();

export const noQuery = z.object({}).strict();

/** Parses or throws a 400 naming the first offending field. */
export function parse<T extends z.ZodType>(schema: T, input: unknown, what: string): z.infer<T> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = issue?.path.join('.') || what;
  const message =
    issue?.code === 'unrecognized_keys'
      ? `unknown ${what} parameter(s): ${issue.keys.join(', ')}`
      : `invalid ${what} "${field}": ${issue?.message ?? 'invalid'}`;
  const named = issue?.code === 'unrecognized_keys' ? issue.keys.join(', ') : field;
  throw new HttpError(400, `invalid-${what}`, message, { field: named });
}
