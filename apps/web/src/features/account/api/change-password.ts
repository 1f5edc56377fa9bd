/** POST /me/password — change one's own password; the server then ends every session of the account. */
import { useMutation } from '@tanstack/react-query';
import type { ChangePasswordBody } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';

export function changePassword(body: ChangePasswordBody): Promise<{ ok: boolean }> {
  return api.post('/me/password', body);
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
