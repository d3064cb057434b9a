/** How a container runs in its pod, in words: native sidecars and init containers say so. */
import type { ContainerKind } from '@kubeglance/shared/api';
import { Badge } from './Badge';
import { t } from '../i18n/t';

/** `container`, `sidecar`, `init container`, `debug container`. */
export function containerKindLabel(kind: ContainerKind): string {
  return t(`containerKind.${kind}.label`);
}

/** A badge for anything but a regular container (which needs no mark). */
export function ContainerKindBadge({ kind }: { kind: ContainerKind }) {
  if (kind === 'container') return null;
  return (
    <Badge tone="info" title={t(`containerKind.${kind}.title`)}>
      {containerKindLabel(kind)}
    </Badge>
  );
}
