/**
 * A value we do not have. Always says why in words ("no metrics", "warming up",
 * `<unknown>`), so it can never be mistaken for a zero.
 */
import { t } from '../i18n/t';

interface UnknownProps {
  text?: string;
  title?: string;
}

export function Unknown({ text, title }: UnknownProps) {
  const shown = text ?? t('common.unknown');
  return (
    <span className="unknown" title={title ?? shown}>
      {shown}
    </span>
  );
}

/** A request or limit that is not set: a dash for the eye, "not set" for screen readers. */
export function NotSet() {
  return (
    <span className="not-set" title={t('common.notSet')}>
      <span aria-hidden="true">–</span>
      <span className="sr-only">{t('common.notSet')}</span>
    </span>
  );
}
