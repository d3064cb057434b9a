import { Link } from 'react-router';
import { PanelMessage } from '../components/PanelMessage';

export function NotFound() {
  return (
    <PanelMessage kind="empty" hint={<Link to="/">Go to the overview</Link>}>
      This page does not exist.
    </PanelMessage>
  );
}
