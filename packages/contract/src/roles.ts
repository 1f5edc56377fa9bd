import Type, { type Static } from 'typebox';
import { StringEnum } from './common.ts';

/** Roles of PRODUCT.md. Unit roles (unit_officer, unit_head) are scoped to one unit. */
export const ROLES = [
  'admin',
  'leader',
  'secretariat',
  'reception',
  'communications',
  'unit_officer',
  'unit_head',
  'staff',
  'observer',
] as const;
export type RoleName = (typeof ROLES)[number];
export const UNIT_ROLES: readonly RoleName[] = ['unit_officer', 'unit_head', 'staff'];
/** The order in which an account's grants speak for it (the audit log records the first it holds). */
export const ROLES_BY_PRECEDENCE: readonly RoleName[] = [
  'admin',
  'secretariat',
  'leader',
  'reception',
  'communications',
  'unit_head',
  'unit_officer',
  'staff',
  'observer',
];

export const RoleName = StringEnum(ROLES, { description: 'Role name' });
export const RoleGrant = Type.Object(
  {
    role: RoleName,
    unitId: Type.Optional(
      Type.Union([Type.String(), Type.Null()], {
        description:
          "Required for unit_officer, unit_head and staff (their unit). Optional for leader, secretariat, reception, communications and observer: held at an authority unit they cover that authority's units only, without one everything. Ignored for admin.",
      }),
    ),
  },
  { additionalProperties: false },
);
export type RoleGrant = Static<typeof RoleGrant>;
