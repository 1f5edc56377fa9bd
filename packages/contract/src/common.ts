/**
 * Shapes every resource shares: ids, dates, pages, the problem+json error body.
 * Objects are closed (additionalProperties: false) so that stray fields are refused, not dropped.
 */
import Type, { type Static, type TSchema } from 'typebox';

/** A string enum with its TypeScript union type (TypeBox's union of literals loses it when mapped). */
export function StringEnum<const T extends readonly string[]>(
  values: T,
  options: { description?: string; default?: T[number] } = {},
) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}

export const Id = Type.String({
  minLength: 1,
  maxLength: 64,
  description: 'Opaque identifier',
  examples: ['u_01jd8w3k9q'],
});
export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });
export type IdParams = Static<typeof IdParams>;

export const DateOnly = Type.String({ format: 'date', description: 'YYYY-MM-DD', examples: ['2022-03-01'] });
export const DateTime = Type.String({
  format: 'date-time',
  description: 'ISO 8601 UTC',
  examples: ['2022-03-01T08:00:00.000Z'],
});

export const MAX_PAGE_SIZE = 100;

export const PageQueryProps = {
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1, description: 'Page number, from 1' })),
  pageSize: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: MAX_PAGE_SIZE,
      default: 20,
      description: `Items per page, at most ${MAX_PAGE_SIZE}`,
    }),
  ),
  q: Type.Optional(
    Type.String({
      maxLength: 200,
      description: 'Search text; Vietnamese diacritics are ignored ("thach ha" finds "Thạch Hà")',
    }),
  ),
};
export const PageQuery = Type.Object(PageQueryProps, { additionalProperties: false });
export type PageQuery = Static<typeof PageQuery>;

export function Page<T extends TSchema>(item: T) {
  return Type.Object(
    {
      items: Type.Array(item),
      page: Type.Integer(),
      pageSize: Type.Integer(),
      total: Type.Integer(),
    },
    { additionalProperties: false },
  );
}
export interface PageOf<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export const FieldError = Type.Object({
  field: Type.String({ description: 'JSON pointer or dotted path of the field', examples: ['/email'] }),
  code: Type.String({ examples: ['format'] }),
  message: Type.String(),
});

/** RFC 9457 problem details, with a stable machine `code`. */
export const Problem = Type.Object(
  {
    type: Type.String({ examples: ['https://thidua.local/problems/validation.failed'] }),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String({ description: 'Stable machine-readable code', examples: ['validation.failed'] }),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    requestId: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(FieldError)),
  },
  { $id: 'Problem', description: 'application/problem+json (RFC 9457)' },
);
export type Problem = Static<typeof Problem>;

export const Ok = Type.Object({ ok: Type.Boolean() }, { additionalProperties: false });

/** Standard error responses a route may declare. */
export function errorResponses(...codes: number[]) {
  const out: Record<number, typeof Problem> = {};
  for (const c of codes) out[c] = Problem;
  return out;
}
