/** Account rows and their grants as the contract's User. */
import type { RoleGrant, User } from '@thidua/contract';
import type { UserRow } from './users.repository.ts';

export function toUser(r: UserRow, roles: RoleGrant[]): User {
  return {
    id: r.id,
    email: r.email,
    fullName: r.fullName,
    personId: r.personId,
    roles,
    disabled: r.disabled,
    lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
    mustChangePassword: r.mustChangePassword,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}
