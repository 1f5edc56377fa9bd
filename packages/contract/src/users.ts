import Type, { type Static } from 'typebox';
import { DateTime, Id, Page, PageQueryProps } from './common.ts';
import { RoleGrant, RoleName } from './roles.ts';

export const User = Type.Object(
  {
    id: Id,
    email: Type.String({ examples: ['vanthu@thachha.gov.vn'] }),
    fullName: Type.String({ examples: ['Nguyễn Thị Hoa'] }),
    personId: Type.Union([Id, Type.Null()]),
    roles: Type.Array(RoleGrant),
    disabled: Type.Boolean(),
    lastLoginAt: Type.Union([DateTime, Type.Null()]),
    /** The account must change its password at its next sign-in (see Me). */
    mustChangePassword: Type.Boolean(),
    createdAt: DateTime,
    updatedAt: DateTime,
    version: Type.Integer(),
  },
  { additionalProperties: false },
);
export type User = Static<typeof User>;

export const CreateUserBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    fullName: Type.String({ minLength: 1, maxLength: 200 }),
    password: Type.String({ minLength: 8, maxLength: 256 }),
    mustChangePassword: Type.Optional(
      Type.Boolean({
        default: true,
        description:
          'The person must change this password at their first sign-in (default: the administrator knows it). false only for a password handed over some other safe way.',
      }),
    ),
    personId: Type.Optional(Type.Union([Id, Type.Null()])),
    roles: Type.Array(RoleGrant, { maxItems: 20 }),
  },
  { additionalProperties: false },
);
export type CreateUserBody = Static<typeof CreateUserBody>;

export const UpdateUserBody = Type.Object(
  {
    fullName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    personId: Type.Optional(Type.Union([Id, Type.Null()])),
    roles: Type.Optional(Type.Array(RoleGrant, { maxItems: 20 })),
    disabled: Type.Optional(Type.Boolean()),
    password: Type.Optional(
      Type.String({ minLength: 8, maxLength: 256, description: 'Set a new password (admin reset)' }),
    ),
    mustChangePassword: Type.Optional(
      Type.Boolean({
        description:
          'Require (or stop requiring) a password change at the next sign-in. With `password` it defaults to true: the administrator knows the new password.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type UpdateUserBody = Static<typeof UpdateUserBody>;

export const UserListQuery = Type.Object(
  {
    ...PageQueryProps,
    role: Type.Optional(RoleName),
    unitId: Type.Optional(Id),
    disabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UserListQuery = Static<typeof UserListQuery>;
export const UserPage = Page(User);
