/**
 * The language as view state: `?lang=` in the URL wins (back/forward and pinned wall-screen
 * links follow it), the header's choice is written to the URL and saved for the next visit.
 */
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchState } from '../hooks/useSearchState';
import { currentLanguage, setLanguage } from './i18n';
import { LANG_PARAM, matchLanguage, type Language } from './languages';

export function useLanguage() {
  const { i18n } = useTranslation();
  const [params, update] = useSearchState();
  const fromUrl = matchLanguage(params.get(LANG_PARAM));
  useEffect(() => {
    if (fromUrl) setLanguage(fromUrl, false);
  }, [fromUrl]);
  const choose = useCallback(
    (lng: Language) => {
      setLanguage(lng, true);
      update({ [LANG_PARAM]: lng }, { replace: true });
    },
    [update],
  );
  // Re-read on every render: i18n.language changes re-render through useTranslation.
  void i18n.language;
  return [currentLanguage(), choose] as const;
}
