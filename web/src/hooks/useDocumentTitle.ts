/** Names the browser tab after the screen ("Node w-1 · prod · kubeglance"). */
import { useEffect } from 'react';

export function useDocumentTitle(title: string | null): void {
  useEffect(() => {
    if (title == null) return;
    const previous = document.title;
    document.title = `${title} · kubeglance`;
    return () => {
      document.title = previous;
    };
  }, [title]);
}
