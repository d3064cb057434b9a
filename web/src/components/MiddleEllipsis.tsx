/**
 * A name cut in the middle when it does not fit: the head shrinks with an ellipsis,
 * the tail (pod hash, node number) always shows. Both halves are plain text in
 * order, so screen readers, copy-paste and innerText get the whole name; the full
 * name is also the tooltip.
 */
import type { ReactNode } from 'react';
import { splitTail } from '../lib/names';

interface MiddleEllipsisProps {
  text: string;
  /** Shown before the head and cut with it (e.g. a muted "namespace/"). */
  before?: ReactNode;
  /** Tooltip; defaults to `text`. */
  title?: string;
  className?: string;
}

export function MiddleEllipsis({ text, before, title, className = '' }: MiddleEllipsisProps) {
  const [head, tail] = splitTail(text);
  return (
    <span className={`mid-ellipsis ${className}`} title={title ?? text}>
      {/* Inline blocks, not flex items: flex items would put a line break into
          innerText and into copied text. The head leaves room for the tail by its
          length in ch, with a margin for letters wider than "0". */}
      <span
        className="mid-ellipsis-head"
        style={tail ? { maxWidth: `calc(100% - ${(tail.length * 1.15).toFixed(1)}ch)` } : undefined}
      >
        {before}
        {head}
      </span>
      {tail && <span className="mid-ellipsis-tail">{tail}</span>}
    </span>
  );
}
