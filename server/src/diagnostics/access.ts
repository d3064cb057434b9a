import { z } from 'zod';
import type { Upstream } from '../kube/upstream.js';
import { read, type Read } from './reads.js';
import { reviewSpec, ruleKey, type Rule } from './rules.js';

/** Per rule: allowed, or denied (with the authorizer's reason when it gives one). */
export type AccessAnswer = { allowed: true } | { allowed: false; reason?: string };

export type AccessMap = Map<string, AccessAnswer>;

const reviewSchema = z.object({
  status: z
    .object({ allowed: z.boolean(), reason: z.string().optional(), denied: z.boolean().optional() })
    .optional(),
});

/**
 * One SelfSubjectAccessReview per rule and verb, concurrently. The whole read fails (error)
 * only when the apiserver refuses the reviews themselves.
 */
export async function reviewAccess(up: Upstream, rules: readonly Rule[]): Promise<Read<AccessMap>> {
  return read(undefined, async () => {
    const answers = await Promise.all(
      rules.map(async (rule) => {
        const body = reviewSchema.parse(await up.accessReview(reviewSpec(rule), 5_000));
        const status = body.status;
        const answer: AccessAnswer = status?.allowed
          ? { allowed: true }
          : { allowed: false, ...(status?.reason ? { reason: status.reason } : {}) };
        return [ruleKey(rule), answer] as const;
      }),
    );
    return new Map(answers);
  });
}

/** Whether `rule` is known to be denied (unknown answers count as not denied: try the read). */
export function denied(access: Read<AccessMap>, rule: Rule): boolean {
  return access.kind === 'ok' && access.value.get(ruleKey(rule))?.allowed === false;
}
