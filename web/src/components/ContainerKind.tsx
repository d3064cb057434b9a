/** How a container runs in its pod, in words: native sidecars and init containers say so. */
import type { ContainerKind } from '@kubeglance/shared/api';
import { Badge } from './Badge';

const LABEL: Record<ContainerKind, string> = {
  container: 'container',
  sidecar: 'sidecar',
  init: 'init container',
  ephemeral: 'debug container',
};

const TITLE: Record<ContainerKind, string> = {
  container: 'A regular container',
  sidecar: 'Native sidecar (restartable init container): runs beside the app containers',
  init: 'Init container: runs to completion before the app containers start',
  ephemeral: 'Ephemeral debug container',
};

/** `container`, `sidecar`, `init container`, `debug container`. */
export function containerKindLabel(kind: ContainerKind): string {
  return LABEL[kind];
}

/** A badge for anything but a regular container (which needs no mark). */
export function ContainerKindBadge({ kind }: { kind: ContainerKind }) {
  if (kind === 'container') return null;
  return (
    <Badge tone="info" title={TITLE[kind]}>
      {LABEL[kind]}
    </Badge>
  );
}
