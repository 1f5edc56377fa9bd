import Type, { type Static } from 'typebox';
import { DateTime, Id, Page, PageQueryProps, StringEnum } from './common.ts';

/** Kinds of unit. The tree has any depth; level names are configurable (no "district" assumed). */
export const UNIT_KINDS = ['authority', 'office', 'public_service', 'commune', 'party_mass', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UnitKind = StringEnum(UNIT_KINDS);

export const Unit = Type.Object(
  {
    id: Id,
    parentId: Type.Union([Id, Type.Null()]),
    code: Type.String({ examples: ['NV'] }),
    name: Type.String({ examples: ['Phòng Nội vụ'] }),
    kind: UnitKind,
    level: Type.Integer({ description: 'Depth in the tree, root = 0' }),
    levelName: Type.String({ description: 'Configured name of this level', examples: ['Cấp huyện'] }),
    displayOrder: Type.Integer(),
    address: Type.Union([Type.String(), Type.Null()]),
    phone: Type.Union([Type.String(), Type.Null()]),
    email: Type.Union([Type.String(), Type.Null()]),
    archived: Type.Boolean(),
    createdAt: DateTime,
    updatedAt: DateTime,
    version: Type.Integer(),
  },
  { additionalProperties: false },
);
export type Unit = Static<typeof Unit>;

export const CreateUnitBody = Type.Object(
  {
    parentId: Type.Union([Id, Type.Null()]),
    code: Type.String({ minLength: 1, maxLength: 32, pattern: '^[A-Za-z0-9_.-]+$' }),
    name: Type.String({ minLength: 1, maxLength: 300 }),
    kind: UnitKind,
    displayOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
    address: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
    phone: Type.Optional(Type.Union([Type.String({ maxLength: 50 }), Type.Null()])),
    email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 254 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type CreateUnitBody = Static<typeof CreateUnitBody>;

export const UpdateUnitBody = Type.Object(
  {
    parentId: Type.Optional(Type.Union([Id, Type.Null()])),
    code: Type.Optional(Type.String({ minLength: 1, maxLength: 32, pattern: '^[A-Za-z0-9_.-]+$' })),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    kind: Type.Optional(UnitKind),
    displayOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
    address: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
    phone: Type.Optional(Type.Union([Type.String({ maxLength: 50 }), Type.Null()])),
    email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 254 }), Type.Null()])),
    archived: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UpdateUnitBody = Static<typeof UpdateUnitBody>;

export const UnitListQuery = Type.Object(
  {
    ...PageQueryProps,
    parentId: Type.Optional(Id),
    kind: Type.Optional(UnitKind),
    includeArchived: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UnitListQuery = Static<typeof UnitListQuery>;
export const UnitPage = Page(Unit);

/** The whole tree, depth-first in display order; each unit carries parentId and level. */
export const UnitTree = Type.Object({ items: Type.Array(Unit) }, { additionalProperties: false });

export const LevelNames = Type.Object(
  {
    levels: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
      maxItems: 10,
      examples: [['Cấp huyện', 'Cấp phòng / xã', 'Cấp tổ']],
    }),
  },
  { additionalProperties: false },
);
export type LevelNames = Static<typeof LevelNames>;

/** Contact data is personal: answered only to those who hold 'person.read_contact' on the person. */
const CONTACT_NOTE =
  "Contact data: null when not recorded, and null for a reader without 'person.read_contact' on this person (the authority's offices within their authority, the managers of the person's unit and the person themselves hold it)";

export const Person = Type.Object(
  {
    id: Id,
    unitId: Id,
    unitName: Type.String(),
    fullName: Type.String({ examples: ['Trần Văn Nam'] }),
    position: Type.Union([Type.String(), Type.Null()], { examples: ['Trưởng phòng'] }),
    email: Type.Union([Type.String(), Type.Null()], { description: CONTACT_NOTE }),
    phone: Type.Union([Type.String(), Type.Null()], { description: CONTACT_NOTE }),
    gender: Type.Union([Type.Literal('male'), Type.Literal('female'), Type.Literal('other'), Type.Null()], {
      description: CONTACT_NOTE,
    }),
    birthYear: Type.Union([Type.Integer(), Type.Null()], { description: CONTACT_NOTE }),
    archived: Type.Boolean(),
    createdAt: DateTime,
    updatedAt: DateTime,
    version: Type.Integer(),
  },
  { additionalProperties: false },
);
export type Person = Static<typeof Person>;

const personFields = {
  fullName: Type.String({ minLength: 1, maxLength: 200 }),
  position: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
  email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 254 }), Type.Null()])),
  phone: Type.Optional(Type.Union([Type.String({ maxLength: 50 }), Type.Null()])),
  gender: Type.Optional(Type.Union([Type.Literal('male'), Type.Literal('female'), Type.Literal('other'), Type.Null()])),
  birthYear: Type.Optional(Type.Union([Type.Integer({ minimum: 1900, maximum: 2100 }), Type.Null()])),
};
export const CreatePersonBody = Type.Object({ unitId: Id, ...personFields }, { additionalProperties: false });
export type CreatePersonBody = Static<typeof CreatePersonBody>;
export const UpdatePersonBody = Type.Object(
  {
    unitId: Type.Optional(Id),
    ...personFields,
    fullName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    archived: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UpdatePersonBody = Static<typeof UpdatePersonBody>;
/** Where a people search looks: the name alone (the default), or the position and e-mail too. */
export const PERSON_SEARCH_FIELDS = ['name', 'all'] as const;
export type PersonSearchFields = (typeof PERSON_SEARCH_FIELDS)[number];
export const PersonListQuery = Type.Object(
  {
    ...PageQueryProps,
    unitId: Type.Optional(Id),
    includeArchived: Type.Optional(Type.Boolean()),
    searchIn: Type.Optional(
      StringEnum(PERSON_SEARCH_FIELDS, {
        default: 'name',
        description:
          'Where q is looked for: the full name only (name, the default) or also the position and e-mail (all). Exact and prefix matches of the name come first.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type PersonListQuery = Static<typeof PersonListQuery>;
export const PersonPage = Page(Person);

/**
 * One problem of an import, where the user sees it: `row` as numbered in the sheet (header = 1),
 * `field` the column's header. Carrying `field`, `code` and `message`, it is also a problem+json
 * field error.
 */
export const ImportRowError = Type.Object(
  {
    row: Type.Integer({ minimum: 1, examples: [4] }),
    field: Type.Optional(Type.String({ examples: ['Mã đơn vị cấp trên'] })),
    code: Type.String({ examples: ['import.parent_not_found'] }),
    message: Type.String({
      examples: [
        'Không tìm thấy đơn vị cấp trên có mã "PHONG-X" trong tệp (ở các dòng phía trên) hoặc trong hệ thống.',
      ],
    }),
  },
  { additionalProperties: false },
);
export type ImportRowError = Static<typeof ImportRowError>;

/** One field of an existing record that an import changes: the column's header, the value before and after. */
export const ImportFieldChange = Type.Object(
  {
    field: Type.String({ examples: ['Địa chỉ'] }),
    before: Type.Union([Type.String(), Type.Null()]),
    after: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);
export type ImportFieldChange = Static<typeof ImportFieldChange>;

/** An existing record the import updates (or, in a dry run, would update), on which row of the sheet. */
export const ImportChange = Type.Object(
  {
    row: Type.Integer({ minimum: 1 }),
    record: Type.String({
      description:
        'The existing record as a person recognises it: "code — name" of a unit, "name — unit code" of a person',
      examples: ['NV — Phòng Nội vụ'],
    }),
    fields: Type.Array(ImportFieldChange),
  },
  { additionalProperties: false },
);
export type ImportChange = Static<typeof ImportChange>;

const importReportProps = {
  kind: Type.Union([Type.Literal('units'), Type.Literal('people')]),
  dryRun: Type.Boolean(),
  committed: Type.Boolean({
    description: 'True when the rows were written; a dry run or a sheet with errors writes nothing',
  }),
  total: Type.Integer({ description: 'Data rows read (blank rows skipped)' }),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer({ description: 'Rows matching an existing record with nothing to change' }),
  ignoredColumns: Type.Array(Type.String(), { description: 'Headers that are not import columns (e.g. "STT")' }),
  changes: Type.Array(ImportChange, {
    description:
      'Each existing record that is (or, in a dry run, would be) updated, field by field; empty when the sheet has errors',
  }),
  errors: Type.Array(ImportRowError),
};
/** The answer of an import (200): what was (or, in a dry run, would be) created and updated. */
export const ImportReport = Type.Object(importReportProps, { additionalProperties: false });
export type ImportReport = Static<typeof ImportReport>;
/** A sheet with errors (422): problem+json carrying the whole report; nothing was written. */
export const ImportProblem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String({ examples: ['import.rows_invalid'] }),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    requestId: Type.Optional(Type.String()),
    ...importReportProps,
  },
  {
    additionalProperties: false,
    description: 'application/problem+json (RFC 9457) with the import report as extension members',
  },
);
export type ImportProblem = Static<typeof ImportProblem>;
