/** Whether the window is phone-narrow (≤ 480 px): tables then lead with name, CPU and memory. */
import { useSyncExternalStore } from 'react';

export const PHONE_QUERY = '(max-width: 480px)';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(PHONE_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

const snapshot = () => window.matchMedia(PHONE_QUERY).matches;

export function usePhone(): boolean {
  return useSyncExternalStore(subscribe, snapshot, () => false);
}
