/** A titled section of a screen; its heading names the region for screen readers. */
import { useId, type ReactNode } from 'react';

interface PanelProps {
  title: ReactNode;
  /** Controls shown at the right of the heading (filter, switcher…). */
  actions?: ReactNode;
  className?: string;
  children: ReactNode;
}

export function Panel({ title, actions, className, children }: PanelProps) {
  const id = useId();
  return (
    <section className={`panel ${className ?? ''}`} aria-labelledby={id}>
      <header className="panel-head">
        <h2 id={id}>{title}</h2>
        {actions && <div className="panel-actions">{actions}</div>}
      </header>
      {children}
    </section>
  );
}
