/** /hop-thu-di: the administrator's e-mail outbox. */
import { OutboxPage } from '../../features/notifications/components/outbox-page.tsx';

export default function EmailOutboxRoute() {
  return <OutboxPage />;
}
