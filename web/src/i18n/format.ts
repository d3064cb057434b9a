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

/** Formats by options object (callers keep theirs as constants), per language. */
const byOptions = new WeakMap<Intl.DateTimeFormatOptions, Map<string, Intl.DateTimeFormat>>();
/** Formats by the options' contents, for callers that build a new options object each call. */
const byContents = new Map<string, Intl.DateTimeFormat>();

/**
 * A clock or date format in the language on screen, cached: charts and clocks format every
 * tick, thousands of times. The same options object finds its format without serialising it.
 */
export function dateTimeFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const lang = currentLanguage();
  let perLanguage = byOptions.get(options);
  const known = perLanguage?.get(lang);
  if (known) return known;
  const key = `${lang}|${JSON.stringify(options)}`;
  let format = byContents.get(key);
  if (!format) byContents.set(key, (format = new Intl.DateTimeFormat(locale(), options)));
  if (!perLanguage) byOptions.set(options, (perLanguage = new Map()));
  perLanguage.set(lang, format);
  return format;
}

/** A plain count or number: `1,234` in every language kubeglance speaks. */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale() ?? 'en', options).format(value);
}
