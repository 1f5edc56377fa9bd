import Type, { type Static } from 'typebox';
import { DateTime, Id } from './common.ts';
import { RoleGrant } from './roles.ts';

export const LoginBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254, examples: ['admin@thachha.gov.vn'] }),
    password: Type.String({ minLength: 1, maxLength: 256, examples: ['Demo@2022!'] }),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const Me = Type.Object(
  {
    id: Id,
    email: Type.String(),
    fullName: Type.String(),
    personId: Type.Union([Id, Type.Null()]),
    roles: Type.Array(RoleGrant),
    disabled: Type.Boolean(),
    lastLoginAt: Type.Union([DateTime, Type.Null()]),
    mustChangePassword: Type.Boolean({
      description:
        'The account still has a password others know (given by an administrator, or a demo account outside the embedded database): every route but GET /me, POST /me/password and POST /auth/logout answers 403 auth.password_change_required until it is changed.',
    }),
  },
  { additionalProperties: false },
);
export type Me = Static<typeof Me>;

export const TokenResponse = Type.Object(
  {
    accessToken: Type.String(),
    tokenType: Type.Literal('Bearer'),
    expiresIn: Type.Integer({ description: 'Seconds', examples: [900] }),
    user: Me,
  },
  { additionalProperties: false },
);
export type TokenResponse = Static<typeof TokenResponse>;

export const ChangePasswordBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 256 }),
    newPassword: Type.String({ minLength: 8, maxLength: 256 }),
  },
  { additionalProperties: false },
);
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;
