/**
 * Frame of the interactive screens: header, one live connection for all clusters
 * (it keeps every panel current), a notice when a new build was deployed, and the
 * routed page.
 */
import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { useLiveStream } from '../api/live';
import { useLiveRefresh } from '../api/liveRefresh';
import { PanelMessage } from '../components/PanelMessage';
import { UpdateBanner } from '../components/UpdateBanner';
import { Header } from './Header';
import { t } from '../i18n/t';

export function Layout() {
  const live = useLiveStream(null);
  useLiveRefresh(live);
  return (
    <div className="app">
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <Header live={live} />
      <UpdateBanner show={live.versionChanged} />
      <main id="main" className="app-main" tabIndex={-1}>
        <Suspense fallback={<PanelMessage kind="loading">{t('common.loading')}</PanelMessage>}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
