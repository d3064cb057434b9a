/**
 * A Kubernetes name that wraps at its separators instead of being cut: "data-grpc-95478d649-
 * xvcgt" breaks after a dash when its cell is narrow, so the whole name always shows. The
 * break opportunities are <wbr> elements: innerText and copied text stay the plain name.
 */
import { Fragment } from 'react';

export function BreakableName({ name, className = '' }: { name: string; className?: string }) {
  const parts = name.split(/(?<=[-._/])/);
  return (
    <span className={`breakable ${className}`} title={name}>
      {parts.map((p, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {p}
        </Fragment>
      ))}
    </span>
  );
}
