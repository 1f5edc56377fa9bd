/** Query keys of the bell and the outbox; invalidate through these. */
import type { EmailStatus } from '@thidua/contract';

export const notificationKeys = {
  all: ['notifications'] as const,
  bell: () => [...notificationKeys.all, 'bell'] as const,
  outbox: (params: { status?: EmailStatus | undefined; page: number; pageSize: number }) =>
    ['email-outbox', params] as const,
};
