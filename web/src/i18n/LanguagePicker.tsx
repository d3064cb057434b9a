/** The header's language menu: each language named in itself. */
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, LANGUAGES, matchLanguage } from './languages';
import { useLanguage } from './useLanguage';

export function LanguagePicker() {
  const { t } = useTranslation();
  const [lang, choose] = useLanguage();
  return (
    <select
      className="language-picker"
      aria-label={t('header.language')}
      value={lang}
      onChange={(e) => {
        const next = matchLanguage(e.target.value);
        if (next) choose(next);
      }}
    >
      {LANGUAGES.map((l) => (
        <option key={l} value={l} lang={l}>
          {LANGUAGE_NAMES[l]}
        </option>
      ))}
    </select>
  );
}
