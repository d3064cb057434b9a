/**
 * Whether an element has been on screen at least once. Rows fetch their sparkline
 * history only when seen, so a 500-node table does not fire 500 requests.
 */
import { useEffect, useState, type RefObject } from 'react';

export function useSeen(ref: RefObject<Element | null>, rootMargin = '200px'): boolean {
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || seen) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setSeen(true);
      },
      { rootMargin },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, rootMargin, seen]);
  return seen;
}
