/**
 * Ages, relative times and clock times in the language on screen, through `Intl`. English
 * keeps kubeglance's compact captions ("12 s", "3 min ago"); Chinese and Japanese get their
 * locale's own words ("3分钟前", "3 分前") and 24-hour clocks. Values that must match kubectl
 * (`215m`, `782Mi`, AGE columns) are never formatted here: they come from `shared`.
 */
import { ageInUnit, formatDataAge } from '../lib/staleness';
import { currentLanguage } from './i18n';
import { NO_VALUE } from '@kubeglance/shared/humanFormat';

/** `undefined` for English: the browser's own English variant decides 12/24 hours. */
function locale(): string | undefined {
  const lang = currentLanguage();
  return lang === 'en' ? undefined : lang;
}

/** A duration such as a data age: "12 s" / "12秒" / "12 秒". */
export function formatDuration(ageMs: number): string {
  if (!Number.isFinite(ageMs)) return NO_VALUE;
  if (currentLanguage() === 'en') return formatDataAge(ageMs);
  const { value, unit } = ageInUnit(ageMs);
  return new Intl.NumberFormat(locale(), { style: 'unit', unit, unitDisplay: 'short' }).format(
    value,
  );
}

/** How long ago: "12 s ago" / "12秒前" / "12 秒前". */
export function formatAgo(ageMs: number): string {
  // Intl throws on a non-finite number (an age of no sample at all): say "—" instead.
  if (!Number.isFinite(ageMs)) return NO_VALUE;
  if (currentLanguage() === 'en') return `${formatDataAge(ageMs)} ago`;
  const { value, unit } = ageInUnit(ageMs);
  return new Intl.RelativeTimeFormat(locale(), { numeric: 'always', style: 'short' }).format(
    -value,
    unit,
  );
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** A clock or date format in the language on screen (cached: charts format every tick). */
export function dateTimeFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${currentLanguage()}|${JSON.stringify(options)}`;
  let format = dateTimeFormats.get(key);
  if (!format) dateTimeFormats.set(key, (format = new Intl.DateTimeFormat(locale(), options)));
  return format;
}

/** A plain count or number: `1,234` in every language kubeglance speaks. */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale() ?? 'en', options).format(value);
}
