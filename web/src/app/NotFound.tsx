import { Link } from 'react-router';
import { PanelMessage } from '../components/PanelMessage';
import { t } from '../i18n/t';

export function NotFound() {
  return (
    <PanelMessage kind="empty" hint={<Link to="/">{t('app.goToOverview')}</Link>}>
      {t('app.notFound')}
    </PanelMessage>
  );
}
