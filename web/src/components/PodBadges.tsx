/** Badges for pod state: phase and usage flags (OOM risk, over-provisioned), always in words. */
import type { PodFlag } from '../lib/thresholds';
import { Badge } from './Badge';

const RESOURCE_NAMES = { cpu: 'CPU', memory: 'memory' } as const;
const SHORT_NAMES = { cpu: 'CPU', memory: 'mem' } as const;

const overProvisioned = (resources: readonly ('cpu' | 'memory')[]) =>
  `over-provisioned (${resources.map((r) => RESOURCE_NAMES[r]).join(', ')})`;

/**
 * Flags of a pod or container; nothing when there are none. `compact` (table cells)
 * shows "over-prov. CPU,mem"; screen readers and the tooltip get the full words.
 */
export function Flags({
  flags,
  compact = false,
}: {
  flags: readonly PodFlag[];
  compact?: boolean;
}) {
  if (flags.length === 0) return null;
  return (
    <span className="badges">
      {flags.map((f) =>
        f.kind === 'oom-risk' ? (
          <Badge key={f.kind} tone="bad" title={`Memory at ${f.percent}% of its limit`}>
            OOM risk
          </Badge>
        ) : (
          <Badge key={f.kind} tone="info" title="Usage below 20% of the request">
            {compact ? (
              <>
                <span aria-hidden="true">
                  over-prov. {f.resources.map((r) => SHORT_NAMES[r]).join(',')}
                </span>
                <span className="sr-only">{overProvisioned(f.resources)}</span>
              </>
            ) : (
              overProvisioned(f.resources)
            )}
          </Badge>
        ),
      )}
    </span>
  );
}

const PHASE_TONE: Record<string, 'ok' | 'warn' | 'bad' | 'neutral'> = {
  Running: 'ok',
  Pending: 'warn',
  Failed: 'bad',
  Unknown: 'bad',
};

export function PhaseBadge({ phase }: { phase: string }) {
  return <Badge tone={PHASE_TONE[phase] ?? 'neutral'}>{phase}</Badge>;
}
