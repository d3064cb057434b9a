/**
 * How old the data on screen is, and when it stops being trustworthy: one definition
 * for every screen. The server ships, with every status, the age of the newest sample it
 * holds *by its own clock* (`dataAgeMs`); the browser adds the time since that status
 * arrived. So an outage that began before the page loaded shows its true age at once, and
 * neither the cluster's nor the browser's clock offset matters.
 */
import type { ClusterStatus } from '@kubeglance/shared/api';

/** metrics-server's historical default; used while the server has not told us yet. */
export const FALLBACK_RESOLUTION_SECONDS = 60;

/** A status and the browser time it arrived: enough to know the data's age at any moment. */
export interface AgeClock {
  status: Pick<ClusterStatus, 'dataAgeMs' | 'metrics' | 'state' | 'resolutionSeconds'>;
  receivedMs: number;
}

/** Age of the newest sample the server holds, at browser time `nowMs`; null: none yet. */
export function dataAgeAt(clock: AgeClock, nowMs: number): number | null {
  const { dataAgeMs } = clock.status;
  if (dataAgeMs == null) return null;
  return Math.max(0, dataAgeMs + Math.max(0, nowMs - clock.receivedMs));
}

export function staleAfterMs(resolutionSeconds: number | null): number {
  const res =
    resolutionSeconds != null && resolutionSeconds > 0
      ? resolutionSeconds
      : FALLBACK_RESOLUTION_SECONDS;
  return 2 * res * 1000;
}

/**
 * STALE whenever the pipeline is failing or stale, the cluster is down, or the data is older
 * than two resolutions. Nothing received yet is "waiting", not stale, unless the server
 * already says the pipeline is broken.
 */
export function staleAt(clock: AgeClock, nowMs: number): boolean {
  const { metrics, state, resolutionSeconds } = clock.status;
  if (metrics === 'failing' || metrics === 'stale' || state === 'down') return true;
  const age = dataAgeAt(clock, nowMs);
  return age != null && age > staleAfterMs(resolutionSeconds);
}

/** The unit a data age is printed in: whole seconds, minutes, hours or days, rounded down. */
export interface AgeInUnit {
  value: number;
  unit: 'second' | 'minute' | 'hour' | 'day';
}

export function ageInUnit(ageMs: number): AgeInUnit {
  const s = Math.floor(ageMs / 1000);
  if (s < 60) return { value: s, unit: 'second' };
  if (s < 3600) return { value: Math.floor(s / 60), unit: 'minute' };
  if (s < 86_400) return { value: Math.floor(s / 3600), unit: 'hour' };
  return { value: Math.floor(s / 86_400), unit: 'day' };
}

const ENGLISH_UNITS: Record<AgeInUnit['unit'], string> = {
  second: 's',
  minute: 'min',
  hour: 'h',
  day: 'd',
};

/** "12 s", "3 min", "2 h": the age as every caption on a page prints it (English). */
export function formatDataAge(ageMs: number): string {
  const { value, unit } = ageInUnit(ageMs);
  return `${value} ${ENGLISH_UNITS[unit]}`;
}
