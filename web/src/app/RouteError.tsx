/** Last-resort screen when rendering throws: say so and offer a way back. */
import { useRouteError } from 'react-router';
import { describeError } from '../api/errors';
import { t } from '../i18n/t';

export function RouteError() {
  const error = useRouteError();
  return (
    <div className="route-error" role="status">
      <h1>{t('app.errorTitle')}</h1>
      <p>{describeError(error)}</p>
      <p>
        <a href="/">{t('app.reloadDashboard')}</a>
      </p>
    </div>
  );
}
