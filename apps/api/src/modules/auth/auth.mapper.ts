/** An account row and its grants as the contract's Me. */
import type { Me, RoleGrant } from '@thidua/contract';
import type { UserRow } from './auth.repository.ts';

export function toMe(u: UserRow, roles: RoleGrant[]): Me {
  return {
    id: u.id,
    email: u.email,
    fullName: u.fullName,
    personId: u.personId,
    roles,
    disabled: u.disabled,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    mustChangePassword: u.mustChangePassword,
  };
}
