/**
 * "A new version is available": shown when the server's build changed while the page
 * was open. Never reloads by itself (someone may be mid-filter or mid-scroll); the
 * wall screen, which nobody works in, reloads on its own instead. `role="status"`
 * announces it once, politely.
 */
import { useState } from 'react';
import { t } from '../i18n/t';

export function UpdateBanner({ show }: { show: boolean }) {
  const [dismissed, setDismissed] = useState(false);
  if (!show || dismissed) return null;
  return (
    <div className="update-banner" role="status">
      <span>{t('update.available')}</span>
      <button type="button" className="update-banner-reload" onClick={() => location.reload()}>
        {t('update.reload')}
      </button>
      <button
        type="button"
        className="update-banner-dismiss"
        aria-label={t('update.dismiss')}
        onClick={() => setDismissed(true)}
      >
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
