/** Last-resort screen when rendering throws: say so and offer a way back. */
import { useRouteError } from 'react-router';
import { describeError } from '../api/errors';

export function RouteError() {
  const error = useRouteError();
  return (
    <div className="route-error" role="status">
      <h1>Something went wrong</h1>
      <p>{describeError(error)}</p>
      <p>
        <a href="/">Reload the dashboard</a>
      </p>
    </div>
  );
}
