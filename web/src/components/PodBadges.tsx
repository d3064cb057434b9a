/** Badges for pod state: phase and usage flags (OOM risk, over-provisioned), always in words. */
import type { PodFlag } from '../lib/thresholds';
import { Badge } from './Badge';

const RESOURCE_NAMES = { cpu: 'CPU', memory: 'memory' } as const;

/** Flags of a pod or container; nothing when there are none. */
export function Flags({ flags }: { flags: readonly PodFlag[] }) {
  if (flags.length === 0) return null;
  return (
    <span className="badges">
      {flags.map((f) =>
        f.kind === 'oom-risk' ? (
          <Badge
            key={f.kind}
            tone="bad"
            title={`Memory at ${Math.round(f.ratio * 100)}% of its limit`}
          >
            OOM risk
          </Badge>
        ) : (
          <Badge key={f.kind} tone="info" title="Usage below 20% of the request">
            over-provisioned ({f.resources.map((r) => RESOURCE_NAMES[r]).join(', ')})
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
