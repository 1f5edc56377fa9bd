/**
 * fast-check arbitraries from JSON schemas, as the OpenAPI document prints the contract's TypeBox
 * schemas (inlined, `anyOf` for unions and nullables, `enum` for literals): values a schema
 * accepts (`validValue`), values it must refuse (`invalidValue`), a valid value with one place
 * changed (`perturbed`), and the odd text and numbers that break code more often than schemas.
 * Valid is best effort: formats, patterns and bounds are kept, cross-field rules are the server's.
 */
import fc from 'fast-check';

export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  minProperties?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  examples?: unknown[];
  example?: unknown;
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

// ── odd values: valid or not by the schema, they are where code breaks ──

/** Text that trips code rather than schemas: wildcards of LIKE, quotes, markup, controls, bidi, combining marks, surrogates. */
export const ODD_TEXTS: readonly string[] = [
  '',
  ' ',
  '%',
  '_',
  '%_%\\',
  "'; DROP TABLE units; --",
  '"',
  '\\',
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '../../etc/passwd',
  '\u0000',
  'a\u0000b',
  '\r\n\t',
  '\u202eTRÁI\u202c',
  '\u200b\u200d\ufeff',
  'Nguye\u0302\u0303n', // decomposed (NFD) Vietnamese
  'Z\u0351\u0354\u0355\u0356\u0357\u0358\u0359\u035a\u035b',
  '👨‍👩‍👧‍👦🇻🇳',
  '\ud800',
  'x\udfffy',
  '\uffff\ufffe',
  'Ꭰ𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  '١٢٣',
  'NaN',
  'null',
  'undefined',
  'true',
  '-1',
  '0x10',
  '1e309',
  '2024-02-30',
  '0000-00-00',
  '9999-12-31T23:59:59.999Z',
  '[]',
  '{}',
  '__proto__',
  'constructor',
];

/** Numbers at the edges of JavaScript, JSON and PostgreSQL's integer types. */
export const ODD_NUMBERS: readonly number[] = [
  0,
  -0,
  -1,
  1,
  0.5,
  -0.5,
  1e-7,
  99.999999,
  100.0000001,
  2147483647,
  2147483648,
  -2147483648,
  -2147483649,
  9007199254740991,
  2 ** 53 + 2,
  -(2 ** 53 + 2),
  1e21,
  -1e21,
  1e308,
  -1e308,
  Number.MIN_VALUE,
];

const VIETNAMESE = [
  ...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY0123456789',
  ...'àảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ',
  ...'      ,.-/()%:;',
];

/** Text as people type it (Vietnamese, precomposed: one code point a character, so lengths hold). */
export function vietnameseText(minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc.string({ unit: fc.constantFrom(...VIETNAMESE), minLength, maxLength });
}

/** Any text: Vietnamese, printable ASCII, arbitrary Unicode, or one of the odd texts. */
export function anyText(maxLength = 40): fc.Arbitrary<string> {
  return fc.oneof(
    vietnameseText(0, maxLength),
    fc.string({ maxLength }),
    fc.string({ unit: 'grapheme', maxLength }),
    fc.string({ unit: 'binary', maxLength }),
    fc.constantFrom(...ODD_TEXTS),
  );
}

/** A long string: past any maxLength of the contract, and now and then past what a column holds. */
export const hugeText: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('a', 'đ', 'ệ', '𝔘', '%', ' '), fc.constantFrom(2_001, 5_001, 20_001, 100_000))
  .map(([c, n]) => c.repeat(n));

// ── valid values ──

const typesOf = (s: JsonSchema): string[] => (s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type]);

/** The date (YYYY-MM-DD) `days` from today in UTC. */
const dayFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const validDate: fc.Arbitrary<string> = fc.oneof(
  // Around today, where the services' date rules (deadlines, windows) are met or just missed.
  fc.integer({ min: -400, max: 400 }).map(dayFromToday),
  fc
    .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
);

const validDateTime: fc.Arbitrary<string> = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

const validEmail: fc.Arbitrary<string> = fc
  .tuple(fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,20}$/), fc.constantFrom('thachha.gov.vn', 'hatinh.gov.vn', 'x.vn'))
  .map(([local, domain]) => `${local}@${domain}`);

const withinLength = (s: JsonSchema) => (v: string) =>
  [...v].length >= (s.minLength ?? 0) && [...v].length <= (s.maxLength ?? Infinity);

function validString(s: JsonSchema): fc.Arbitrary<string> {
  const examples = [...(s.examples ?? []), ...(s.example !== undefined ? [s.example] : [])].filter(
    (e): e is string => typeof e === 'string' && withinLength(s)(e),
  );
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? min + 60, min + 60);
  let generated: fc.Arbitrary<string>;
  if (s.format === 'date') generated = validDate;
  else if (s.format === 'date-time') generated = validDateTime;
  else if (s.format === 'email') generated = validEmail.filter(withinLength(s));
  else if (s.pattern) generated = fc.stringMatching(new RegExp(s.pattern)).filter(withinLength(s));
  else
    generated = fc.oneof(
      { arbitrary: vietnameseText(min, max), weight: 4 },
      { arbitrary: fc.string({ minLength: min, maxLength: max }), weight: 1 },
      { arbitrary: fc.constantFrom(...ODD_TEXTS).filter(withinLength(s)), weight: 1 },
    );
  return examples.length ? fc.oneof(fc.constantFrom(...examples), generated) : generated;
}

function validNumber(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const lo = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum : undefined);
  const hi = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum : undefined);
  const fits = (n: number) =>
    (s.minimum === undefined || n >= s.minimum) &&
    (s.maximum === undefined || n <= s.maximum) &&
    (s.exclusiveMinimum === undefined || n > s.exclusiveMinimum) &&
    (s.exclusiveMaximum === undefined || n < s.exclusiveMaximum) &&
    (!integer || Number.isInteger(n));
  const odd = fc.constantFrom(...ODD_NUMBERS).filter(fits);
  if (integer) {
    const min = lo === undefined ? -1_000 : Math.ceil(lo) + (s.exclusiveMinimum !== undefined ? 1 : 0);
    const max =
      hi === undefined ? Math.max(min, 0) + 1_000 : Math.floor(hi) - (s.exclusiveMaximum !== undefined ? 1 : 0);
    const small = fc.integer({ min: Math.max(min, -2_147_483_648), max: Math.min(max, 2_147_483_647) });
    return ODD_NUMBERS.some(fits) ? fc.oneof({ arbitrary: small, weight: 4 }, { arbitrary: odd, weight: 1 }) : small;
  }
  const real = fc.double({
    min: lo ?? -1e6,
    max: hi ?? 1e6,
    minExcluded: s.exclusiveMinimum !== undefined,
    maxExcluded: s.exclusiveMaximum !== undefined,
    noNaN: true,
    noDefaultInfinity: true,
  });
  return ODD_NUMBERS.some(fits) ? fc.oneof({ arbitrary: real, weight: 4 }, { arbitrary: odd, weight: 1 }) : real;
}

const validCache = new WeakMap<JsonSchema, fc.Arbitrary<Json>>();

/** A value the schema accepts (best effort: see the top of the file). */
export function validValue(s: JsonSchema): fc.Arbitrary<Json> {
  let arb = validCache.get(s);
  if (!arb) {
    arb = buildValid(s);
    validCache.set(s, arb);
  }
  return arb;
}

function buildValid(s: JsonSchema): fc.Arbitrary<Json> {
  if (s.const !== undefined) return fc.constant(s.const as Json);
  if (s.enum) return fc.constantFrom(...(s.enum as Json[]));
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map(validValue));
  if (s.allOf) return validValue(Object.assign({}, ...s.allOf) as JsonSchema);
  const types = typesOf(s);
  if (types.length > 1) return fc.oneof(...types.map((type) => validValue({ ...s, type })));
  switch (types[0]) {
    case 'string':
      return validString(s);
    case 'integer':
      return validNumber(s, true);
    case 'number':
      return validNumber(s, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const item = s.items ? validValue(s.items) : fc.jsonValue().map((v) => v as Json);
      const minLength = s.minItems ?? 0;
      const maxLength = Math.min(s.maxItems ?? minLength + 4, minLength + 4);
      return s.uniqueItems
        ? fc.uniqueArray(item, { minLength, maxLength, selector: (v) => JSON.stringify(v) })
        : fc.array(item, { minLength, maxLength });
    }
    case 'object':
    case undefined: {
      if (!s.properties && types[0] === undefined) return fc.jsonValue().map((v) => v as Json);
      const props = s.properties ?? {};
      const required = (s.required ?? []).filter((k) => k in props);
      const record = fc.record(
        Object.fromEntries(Object.entries(props).map(([k, v]) => [k, validValue(v)])) as Record<
          string,
          fc.Arbitrary<Json>
        >,
        { requiredKeys: required },
      ) as fc.Arbitrary<{ [key: string]: Json }>;
      const open = s.additionalProperties;
      const withExtra =
        open && typeof open === 'object'
          ? fc
              .tuple(
                record,
                fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), validValue(open), { maxKeys: 3 }),
              )
              .map(([r, extra]) => ({ ...extra, ...r }))
          : record;
      const min = s.minProperties ?? 0;
      return min > 0 ? withExtra.filter((v) => Object.keys(v).length >= min) : withExtra;
    }
    default:
      return fc.jsonValue().map((v) => v as Json);
  }
}

// ── invalid values ──

/** A value of a JSON type the schema does not allow (string where a number belongs, …). */
function wrongType(s: JsonSchema): fc.Arbitrary<Json> | null {
  const allowed = new Set(
    (s.anyOf ?? s.oneOf ?? [s]).flatMap((alt) =>
      alt.enum ? alt.enum.map((e) => (e === null ? 'null' : Array.isArray(e) ? 'array' : typeof e)) : typesOf(alt),
    ),
  );
  if (allowed.size === 0) return null;
  if (allowed.has('integer')) allowed.add('number');
  const candidates: fc.Arbitrary<Json>[] = [];
  if (!allowed.has('string')) candidates.push(fc.oneof(anyText(12), fc.constantFrom('1', '12', 'true', 'null')));
  if (!allowed.has('number')) candidates.push(fc.constantFrom(...ODD_NUMBERS));
  if (!allowed.has('boolean')) candidates.push(fc.boolean());
  if (!allowed.has('null')) candidates.push(fc.constant(null));
  if (!allowed.has('array')) candidates.push(fc.constantFrom<Json>([], [1], ['a'], [{}], [null]));
  if (!allowed.has('object')) candidates.push(fc.constantFrom<Json>({}, { a: 1 }, { __proto__x: 1 }));
  return candidates.length ? fc.oneof(...candidates) : null;
}

function invalidString(s: JsonSchema): fc.Arbitrary<Json>[] {
  const out: fc.Arbitrary<Json>[] = [];
  if (s.maxLength !== undefined)
    out.push(
      fc
        .tuple(fc.constantFrom('a', 'ế', '𝔘'), fc.integer({ min: 1, max: 40 }))
        .map(([c, extra]) => c.repeat(s.maxLength! + extra)),
      hugeText.filter((v) => v.length > s.maxLength!),
    );
  if ((s.minLength ?? 0) > 0) out.push(fc.constant(''));
  if (s.format === 'date')
    out.push(
      fc.constantFrom(
        '2024-02-30',
        '2023-13-01',
        '31/12/2024',
        '2024-1-1',
        '20240101',
        'hôm nay',
        '0000-01-01',
        '+275760-09-13',
      ),
    );
  if (s.format === 'date-time') out.push(fc.constantFrom('2024-01-01', '2024-01-01T25:00:00Z', 'yesterday'));
  if (s.format === 'email') out.push(fc.constantFrom('khong-phai-email', '@thachha.gov.vn', 'a@', 'a b@c.vn'));
  if (s.pattern) out.push(anyText(20).filter((v) => !new RegExp(s.pattern!).test(v)));
  return out;
}

function invalidNumber(s: JsonSchema, integer: boolean): fc.Arbitrary<Json>[] {
  const out: fc.Arbitrary<Json>[] = [];
  const lo = s.minimum ?? s.exclusiveMinimum;
  const hi = s.maximum ?? s.exclusiveMaximum;
  if (lo !== undefined)
    out.push(fc.constantFrom(lo - 1, lo - 0.5, -1e308).filter((n) => n < lo || n === s.exclusiveMinimum));
  if (s.exclusiveMinimum !== undefined) out.push(fc.constant(s.exclusiveMinimum));
  if (hi !== undefined) out.push(fc.constantFrom(hi + 1, hi + 0.5, 1e308));
  if (s.exclusiveMaximum !== undefined) out.push(fc.constant(s.exclusiveMaximum));
  if (integer) out.push(fc.constantFrom(0.5, 1.000001, -2.5));
  return out;
}

function invalidObject(s: JsonSchema): fc.Arbitrary<Json>[] {
  const props = s.properties ?? {};
  const keys = Object.keys(props);
  const base = validValue(s) as fc.Arbitrary<{ [key: string]: Json }>;
  const out: fc.Arbitrary<Json>[] = [];
  const required = (s.required ?? []).filter((k) => k in props);
  if (required.length)
    out.push(
      fc.tuple(base, fc.constantFrom(...required)).map(([v, k]) => {
        const copy = { ...v };
        delete copy[k];
        return copy;
      }),
    );
  if (s.additionalProperties === false)
    out.push(
      fc
        .tuple(
          base,
          fc.oneof(
            fc.constantFrom(
              'status',
              'id',
              'unitId',
              'createdBy',
              'score',
              'version',
              'role',
              'isAdmin',
              'constructor',
            ),
            fc.string({ minLength: 1, maxLength: 20 }).filter((k) => !(k in props)),
          ),
          fc.jsonValue(),
        )
        .map(([v, k, extra]) => ({ ...v, [k]: extra as Json })),
    );
  if (keys.length)
    out.push(
      fc
        .constantFrom(...keys)
        .chain((k) => fc.tuple(base, fc.constant(k), invalidValue(props[k]!)))
        .map(([v, k, bad]) => ({ ...v, [k]: bad })),
    );
  if ((s.minProperties ?? 0) > 0) out.push(fc.constant({}));
  return out;
}

function invalidArray(s: JsonSchema): fc.Arbitrary<Json>[] {
  const item = s.items ? validValue(s.items) : fc.constant<Json>(1);
  const out: fc.Arbitrary<Json>[] = [];
  if (s.maxItems !== undefined)
    out.push(
      fc.array(item, { minLength: s.maxItems + 1, maxLength: s.maxItems + 3 }),
      fc.constant(Array(5_000).fill(0)),
    );
  if ((s.minItems ?? 0) > 0) out.push(fc.constant([]));
  if (s.uniqueItems)
    out.push(
      item.map((v) => [v, v]),
      validValue(s)
        .filter((v) => Array.isArray(v) && v.length > 0)
        .map((v) => [...(v as Json[]), (v as Json[])[0]!]),
    );
  if (s.items) out.push(fc.tuple(invalidValue(s.items)).map(([bad]) => [bad]));
  return out;
}

const invalidCache = new WeakMap<JsonSchema, fc.Arbitrary<Json>>();

/** A value the schema refuses: of a wrong type, out of its bounds, breaking its format, pattern or shape. */
export function invalidValue(s: JsonSchema): fc.Arbitrary<Json> {
  let arb = invalidCache.get(s);
  if (!arb) {
    // Set before building: a recursive schema finds itself while it is built.
    invalidCache.set(
      s,
      fc.constant(null).chain(() => arb!),
    );
    arb = buildInvalid(s);
    invalidCache.set(s, arb);
  }
  return arb;
}

function buildInvalid(s: JsonSchema): fc.Arbitrary<Json> {
  const out: fc.Arbitrary<Json>[] = [];
  const wrong = wrongType(s);
  if (wrong) out.push(wrong);
  if (s.enum)
    out.push(
      fc
        .oneof(anyText(12), fc.constantFrom(...s.enum.map((e) => String(e).toUpperCase())))
        .filter((v) => !s.enum!.includes(v)),
    );
  const alternatives = s.anyOf ?? s.oneOf;
  if (!alternatives && !s.enum) {
    for (const type of typesOf(s).length ? typesOf(s) : ['object']) {
      if (type === 'string') out.push(...invalidString(s));
      if (type === 'integer') out.push(...invalidNumber(s, true));
      if (type === 'number') out.push(...invalidNumber(s, false));
      if (type === 'object' && s.properties) out.push(...invalidObject(s));
      if (type === 'array') out.push(...invalidArray(s));
    }
  } else if (alternatives) {
    // Break the one alternative that is not null (a nullable field): its bounds and shape.
    const real = alternatives.filter((a) => !typesOf(a).includes('null'));
    if (real.length === 1) out.push(buildInvalid(real[0]!).filter((v) => v !== null));
  }
  return out.length ? fc.oneof(...out) : fc.constant<Json>({ unexpected: true });
}

// ── a valid value changed in one place ──

type Step = string | number;
interface Place {
  path: Step[];
  schema: JsonSchema;
}

/** The places of a value together with the schema each must match. */
function placesOf(value: Json, s: JsonSchema, path: Step[] = [], out: Place[] = []): Place[] {
  out.push({ path, schema: s });
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) {
    const fit = alternatives.find((a) =>
      typesOf(a).some((t) =>
        t === 'null'
          ? value === null
          : t === 'array'
            ? Array.isArray(value)
            : t === 'object'
              ? value !== null && typeof value === 'object' && !Array.isArray(value)
              : t === 'integer'
                ? typeof value === 'number'
                : typeof value === t,
      ),
    );
    if (fit && fit !== s) {
      out.pop();
      return placesOf(value, fit, path, out);
    }
    return out;
  }
  if (Array.isArray(value) && s.items) value.forEach((v, i) => placesOf(v, s.items!, [...path, i], out));
  else if (value !== null && typeof value === 'object' && s.properties)
    for (const [k, v] of Object.entries(value)) if (s.properties[k]) placesOf(v, s.properties[k], [...path, k], out);
  return out;
}

function setAt(value: Json, path: Step[], next: Json | undefined): Json {
  if (path.length === 0) return next === undefined ? {} : next;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    if (next === undefined && rest.length === 0) copy.splice(head as number, 1);
    else copy[head as number] = setAt(copy[head as number]!, rest, next);
    return copy;
  }
  const copy = { ...(value as { [key: string]: Json }) };
  if (next === undefined && rest.length === 0) delete copy[head as string];
  else copy[head as string] = setAt(copy[head as string]!, rest, next);
  return copy;
}

/**
 * A known-good value (a request body that succeeds) with one place changed. `valid`: another value
 * its schema accepts there (near-valid bodies get past the schema into the services' rules, where a
 * bug without a schema lives); `any`: also an invalid value, an odd text or number, or the place removed.
 */
export function perturbed(base: Json, s: JsonSchema, mode: 'valid' | 'any'): fc.Arbitrary<Json> {
  const places = placesOf(base, s);
  return fc
    .constantFrom(...places)
    .chain((place) =>
      (mode === 'valid'
        ? validValue(place.schema)
        : fc.oneof(
            validValue(place.schema),
            invalidValue(place.schema),
            fc.constantFrom<Json>(...ODD_TEXTS),
            fc.constantFrom<Json>(...ODD_NUMBERS),
            fc.constant(undefined),
          )
      ).map((next) => setAt(base, place.path, next as Json | undefined)),
    );
}
