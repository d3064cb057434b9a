/** Badges for pod state: phase and usage flags (OOM risk, over-provisioned), always in words. */
import type { PodFlag } from '../lib/thresholds';
import { Badge } from './Badge';
import { t } from '../i18n/t';

const overProvisioned = (resources: readonly ('cpu' | 'memory')[]) =>
  t('flags.overProvisioned', {
    resources: resources.map((r) => t(`flags.resource.${r}`)).join(t('common.listSeparator')),
  });

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
          <Badge key={f.kind} tone="bad" title={t('flags.oomRiskTitle', { percent: f.percent })}>
            {t('flags.oomRisk')}
          </Badge>
        ) : (
          <Badge key={f.kind} tone="info" title={t('flags.overProvisionedTitle')}>
            {compact ? (
              <>
                <span aria-hidden="true">
                  {t('flags.overProvisionedShort', {
                    resources: f.resources
                      .map((r) => t(`flags.short.${r}`))
                      .join(t('flags.shortSeparator')),
                  })}
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
