/** Whether the window is phone-narrow (≤ 480 px): tables then lead with name, CPU and memory. */
import { useMediaQuery } from './useMediaQuery';

export const PHONE_QUERY = '(max-width: 480px)';

export function usePhone(): boolean {
  return useMediaQuery(PHONE_QUERY);
}
