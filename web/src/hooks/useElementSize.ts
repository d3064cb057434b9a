/** Live content-box size (and font size) of an element: the NOC lays out to fit its panels. */
import { useEffect, useState, type RefObject } from 'react';

export interface Size {
  width: number;
  height: number;
  /** Computed font size in px, for layouts measured in em. */
  fontSize: number;
}

export function useElementSize(ref: RefObject<HTMLElement | null>): Size {
  const [size, setSize] = useState<Size>({ width: 0, height: 0, fontSize: 16 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const { width, height } = entry.contentRect;
      const fontSize = parseFloat(getComputedStyle(el).fontSize) || 16;
      setSize((prev) =>
        prev.width === width && prev.height === height && prev.fontSize === fontSize
          ? prev
          : { width, height, fontSize },
      );
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
