/**
 * Fuzzing every operation from the contract's schemas (QUALITY.md, bad input; issue 10): for each
 * route of the route table, fast-check builds requests from the operation in the OpenAPI document
 * (path and query parameters, JSON or multipart body) — valid ones, a known-good request of the
 * access matrix's recipes changed in one place, and invalid ones (wrong types, missing or extra
 * fields, huge and odd text, malformed JSON, other content types, path ids random, too long or
 * badly encoded, query values of the wrong type) — and sends them through `app.inject` as the
 * administrator or the standing office (or the role that holds the permission when neither does).
 *
 * Every answer must be below 500 (a 503 fails too: the database is up), and every 4xx
 * application/problem+json with type, title and status and no internals.
 *
 * At least 10,000 requests by default, spread evenly over the operations; the seed is fixed so a run
 * repeats. FUZZ_RUNS=<per operation> and FUZZ_SEED=<integer> change them (docs/security.md).
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { rolesWith, type RoleName } from '@thidua/contract';
import * as schema from '../../src/db/schema/index.ts';
import type { Access } from '../../src/plugins/auth.ts';
import { createTestApp } from '../helpers.ts';
import { pdf, zip } from '../files/fixtures.ts';
import { makeRecipes, type Call } from '../foundation/access-recipes.ts';
import { expectNoInternals, mintAccessToken, ROLE_ACCOUNTS } from '../foundation/support.ts';
import { anyText, hugeText, invalidValue, perturbed, validValue, type Json, type JsonSchema } from './arbitraries.ts';

/**
 * Routes the fuzz leaves out, because a legitimate answer would end the sessions the fuzz calls
 * with (the accounts it signs as are minted once per operation):
 *  - POST /auth/logout: signs the caller out (ends its refresh family and token version);
 *  - POST /me/password: changes the caller's own password, which ends its tokens.
 * There is no HTTP route for backup/restore or sign-out everywhere (they are commands), and
 * the accounts the fuzz calls with are kept out of the ids it picks for PATCH /users/:id.
 */
const SKIPPED = new Set(['POST /api/v1/auth/logout', 'POST /api/v1/me/password']);

const t = await createTestApp();
afterAll(() => t.close());

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_207);
const MIN_TOTAL = 10_000;

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: JsonSchema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}
const openapi = (await t.api.get('/api/v1/openapi.json')).body as {
  paths: Record<string, Record<string, Operation>>;
};
const toOpenApiPath = (url: string) => url.replace(/:(\w+)(\([^)]*\))?/g, '{$1}');

const routes = [...t.app.routeAccess]
  .filter((r) => !SKIPPED.has(`${r.method} ${r.url}`))
  .sort((a, b) => `${a.url} ${a.method}`.localeCompare(`${b.url} ${b.method}`));
const TOTAL = Number(process.env.FUZZ_RUNS ?? MIN_TOTAL);

/**
 * Answers that cost far more than the rest (a document built, the whole document of the API, the
 * account's to-do counts over every list): a few runs each, so the file keeps to its time.
 */
const SLOW = /\.(docx|xlsx|zip|csv)$|\/openapi\.json$|\/me\/tasks$/;
const SLOW_RUNS = 8;

/** Runs per operation: the total spread by how much an operation takes (a body, a query, a path). */
function plannedRuns(): Map<string, number> {
  const weight = (r: (typeof routes)[number]) => {
    const op = openapi.paths[toOpenApiPath(r.url)]?.[r.method.toLowerCase()];
    return (
      1 +
      (op?.requestBody || ['POST', 'PUT', 'PATCH'].includes(r.method) ? 2 : 0) +
      (op?.parameters?.some((p) => p.in === 'query') ? 1 : 0) +
      (r.url.includes(':') ? 1 : 0)
    );
  };
  const slow = routes.filter((r) => SLOW.test(r.url));
  const rest = routes.filter((r) => !SLOW.test(r.url));
  const left = Math.max(TOTAL - slow.length * SLOW_RUNS, rest.length);
  const sum = rest.reduce((a, r) => a + weight(r), 0);
  return new Map([
    ...slow.map((r) => [`${r.method} ${r.url}`, SLOW_RUNS] as const),
    ...rest.map((r) => [`${r.method} ${r.url}`, Math.ceil((left * weight(r)) / sum)] as const),
  ]);
}
const RUNS = plannedRuns();

// ── the data: the access matrix's recipes (a campaign with submissions, findings, dossiers, councils,
// decisions, awards …), each route's own known-good request, and the ids of the database ──
const { recipes } = await makeRecipes(t);

/** The table whose ids a path segment names (`/campaigns/:id` → campaigns). */
const TABLE_OF: Record<string, PgTable> = {
  users: schema.users,
  units: schema.units,
  authorities: schema.units,
  people: schema.people,
  files: schema.files,
  campaigns: schema.campaigns,
  criteria: schema.criteria,
  enrollments: schema.enrollments,
  'campaign-templates': schema.campaignTemplates,
  submissions: schema.submissions,
  findings: schema.findings,
  initiatives: schema.initiatives,
  notifications: schema.notifications,
  jobs: schema.jobs,
  'award-types': schema.awardTypes,
  'grant-powers': schema.grantPowers,
  'base-salaries': schema.baseSalaries,
  'award-blockers': schema.awardBlockers,
  dossiers: schema.dossiers,
  councils: schema.councils,
  'council-meetings': schema.councilMeetings,
  postings: schema.postings,
  objections: schema.objections,
  decisions: schema.decisions,
  awards: schema.awards,
};

/** The accounts the fuzz signs as: never a target of PATCH /users/:id. */
const CALLER_EMAILS = new Set<string>(Object.values(ROLE_ACCOUNTS));
const callerIds = new Set(await Promise.all([...CALLER_EMAILS].map((e) => t.userId(e))));

const idsBySegment = new Map<string, Set<string>>();
for (const [segment, table] of Object.entries(TABLE_OF)) {
  const id = (table as unknown as { id: PgColumn }).id;
  const rows = (await t.database.db.select({ id }).from(table).limit(25)) as { id: string }[];
  idsBySegment.set(segment, new Set(rows.map((r) => r.id).filter((v) => !callerIds.has(v))));
}
const allIds = [...new Set([...idsBySegment.values()].flatMap((s) => [...s]))];

/** Real ids for a field or query parameter named like one (`campaignId`, `fileIds`, `parentId` …). */
function idsForName(name: string): string[] {
  const n = name.toLowerCase();
  const segment = n.includes('file')
    ? 'files'
    : n.includes('person')
      ? 'people'
      : /unit|parent|authority/.test(n)
        ? 'units'
        : n.includes('awardtype')
          ? 'award-types'
          : ['campaign', 'dossier', 'criterion', 'enrollment', 'posting', 'council', 'decision', 'user']
              .map((k) => (n.startsWith(k) ? (k === 'criterion' ? 'criteria' : `${k}s`) : ''))
              .find(Boolean);
  const ids = segment ? [...(idsBySegment.get(segment) ?? [])] : [];
  return ids.length ? ids : allIds;
}

/**
 * The schema with real ids as the examples of its id fields, so that valid bodies name records that
 * exist (`validValue` draws from examples) and get past the lookups into the services' rules.
 */
function withRealIds(s: JsonSchema): JsonSchema {
  const copy: JsonSchema = { ...s };
  if (s.properties)
    copy.properties = Object.fromEntries(
      Object.entries(s.properties).map(([k, v]) => {
        if (!/Ids?$/.test(k)) return [k, withRealIds(v)];
        const ids = idsForName(k);
        const mark = (x: JsonSchema): JsonSchema =>
          x.type === 'string'
            ? { ...x, examples: ids }
            : x.items
              ? { ...x, items: mark(x.items) }
              : x.anyOf
                ? { ...x, anyOf: x.anyOf.map(mark) }
                : x;
        return [k, mark(v)];
      }),
    );
  if (s.items) copy.items = withRealIds(s.items);
  if (s.anyOf) copy.anyOf = s.anyOf.map(withRealIds);
  return copy;
}

// ── who calls ──

function callersOf(access: Access): RoleName[] {
  if (access === 'public' || access === 'authenticated') return ['admin', 'secretariat'];
  const holders = rolesWith(access);
  const office = holders.filter((r) => r === 'admin' || r === 'secretariat');
  return office.length ? office : [holders[0]!];
}

// ── requests: a valid one, or one with a fault in one place (path, query, body or headers) ──

type Body =
  | { kind: 'none' }
  | { kind: 'json'; value: Json }
  | { kind: 'raw'; payload: string | Buffer; contentType?: string }
  | { kind: 'multipart'; fields: [string, string][]; file?: UploadPart };
interface UploadPart {
  field: string;
  name: string;
  type: string;
  content: Buffer;
}

interface FuzzRequest {
  fault: 'none' | 'path' | 'query' | 'body' | 'headers';
  role: RoleName;
  segments: Record<string, string>;
  query: [string, string][];
  headers: Record<string, string>;
  body: Body;
}

/** Percent-encoding of the UTF-8 bytes (a lone surrogate becomes U+FFFD, as a browser sends it). */
const encode = (v: string) =>
  [...Buffer.from(v, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9\-._~]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');

const asText = (v: Json): string => (typeof v === 'string' ? v : JSON.stringify(v));

/** Path segments that the router, the decoder or an id column may choke on, sent as they are. */
const RAW_SEGMENTS = [
  '%',
  '%zz',
  '%C0%AF',
  '%ED%A0%80',
  '%00',
  '%2F',
  '%2E%2E',
  '..',
  '.',
  '%20',
  'a%0Ab',
  'a'.repeat(65),
  'a'.repeat(201),
  '%E1%BB%87'.repeat(80),
  '-1',
  '0',
  '99999999999999999999',
  '1.5',
  'null',
];

/** Printable ASCII, for header values and names (a header cannot carry the rest). */
const printable = fc.string({
  unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEF0123456789-_."/*, ='),
  maxLength: 60,
});

const MALFORMED_JSON = [
  '{',
  '{"a":',
  '[1,2',
  'nul',
  '{"a":1}garbage',
  "{'a':1}",
  '{"a":1,}',
  '\u0000',
  '"\\ud800"',
  '{"__proto__":{"isAdmin":true}}',
  '{"constructor":{"prototype":{"isAdmin":true}}}',
  '{"a":"\\u0000"}',
  '1e999',
];

/** Bodies no operation takes: malformed, nested too deep, too big, of another type. */
const junkBody: fc.Arbitrary<Body> = fc.oneof(
  fc
    .constantFrom(...MALFORMED_JSON)
    .map((payload): Body => ({ kind: 'raw', payload, contentType: 'application/json' })),
  fc
    .constantFrom(2_000, 20_000)
    .map((n): Body => ({ kind: 'raw', payload: '['.repeat(n) + ']'.repeat(n), contentType: 'application/json' })),
  fc.constant<Body>({
    kind: 'raw',
    payload: JSON.stringify({ a: 'x'.repeat(1_100_000) }),
    contentType: 'application/json',
  }),
  fc.constantFrom<Body>(
    { kind: 'raw', payload: '', contentType: 'application/json' },
    { kind: 'raw', payload: 'xin chào', contentType: 'text/plain' },
    { kind: 'raw', payload: '<a>1</a>', contentType: 'application/xml' },
    { kind: 'raw', payload: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' },
    { kind: 'raw', payload: '{"a":1}', contentType: 'application/json; charset=latin1' },
    { kind: 'raw', payload: '{"a":1}', contentType: 'application/vnd.api+json' },
    { kind: 'raw', payload: '{"a":1}', contentType: 'APPLICATION/JSON' },
    { kind: 'raw', payload: '{"a":1}' },
    { kind: 'raw', payload: '--x\r\n', contentType: 'multipart/form-data' },
    {
      kind: 'raw',
      payload: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1',
      contentType: 'multipart/form-data; boundary=x',
    },
    { kind: 'raw', payload: Buffer.from([0xff, 0xfe, 0x00, 0x7b]), contentType: 'application/json' },
  ),
  fc.jsonValue().map((value): Body => ({ kind: 'json', value: value as Json })),
);

function multipartBody(fields: [string, string][], file?: UploadPart) {
  const boundary = '----thiduafuzz7MA4YWxkTrZu0gW';
  const chunks: Buffer[] = [];
  for (const [name, value] of fields)
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  if (file)
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Bodies of an operation: the known-good one, valid ones, and (`bad`) broken ones. */
function bodyArbs(
  op: Operation | undefined,
  recipe: Call | undefined,
): { good: fc.Arbitrary<Body>; bad: fc.Arbitrary<Body> } {
  const content = op?.requestBody?.content ?? {};
  const multipart = content['multipart/form-data']?.schema;
  if (recipe?.multipart || multipart) {
    const file = recipe?.multipart?.file ?? {
      field: 'file',
      content: pdf(),
      name: 'minh-chung.pdf',
      type: 'application/pdf',
    };
    const fields = Object.entries(recipe?.multipart?.fields ?? {});
    const names = [...new Set([...fields.map(([k]) => k), ...Object.keys(multipart?.properties ?? {})])].filter(
      (k) => k !== file.field,
    );
    const upload = (part: Partial<UploadPart>): UploadPart => ({ ...file, ...part });
    return {
      good: fc.constant<Body>({ kind: 'multipart', fields, file }),
      bad: fc.oneof(
        // other bytes, names and types
        fc
          .record({
            content: fc.oneof(
              fc.uint8Array({ maxLength: 2_048 }).map((a) => Buffer.from(a)),
              fc.constantFrom(zip(), Buffer.alloc(0), Buffer.from('MZ\x90\x00'), Buffer.from('<html></html>')),
            ),
            name: fc.oneof(
              anyText(30).map((n) => n.replace(/["\r\n]/g, '_')),
              fc.constantFrom('../../../etc/passwd', 'a'.repeat(300) + '.pdf', 'x.pdf.exe', '.pdf', 'tài liệu.docx'),
            ),
            type: fc.constantFrom(file.type, 'application/octet-stream', 'text/html', 'application/zip', ''),
          })
          .map((part): Body => ({ kind: 'multipart', fields, file: upload(part) })),
        // fields with other values, unknown fields, no file, the file under another name
        fc
          .record({
            fields: fc.array(
              fc.tuple(
                fc.constantFrom(...names, 'la'),
                fc.oneof(
                  fc.constantFrom(...allIds),
                  anyText(20).map((v) => v.replace(/\r|\n/g, ' ')),
                ),
              ),
              { maxLength: 3 },
            ),
            file: fc.constantFrom<UploadPart | undefined>(file, undefined, upload({ field: 'tep' })),
          })
          .map(({ fields: f, file: part }): Body => ({ kind: 'multipart', fields: f, file: part })),
        junkBody,
      ),
    };
  }
  const declared = content['application/json']?.schema;
  const json = declared && withRealIds(declared);
  const known = recipe?.body as Json | undefined;
  const asJson = (value: Json): Body => ({ kind: 'json', value });
  if (!json) {
    const good: Body = known === undefined ? { kind: 'none' } : { kind: 'json', value: known };
    return { good: fc.constant(good), bad: junkBody };
  }
  const good: fc.WeightedArbitrary<Body>[] = [{ arbitrary: validValue(json).map(asJson), weight: 2 }];
  const bad: fc.WeightedArbitrary<Body>[] = [
    { arbitrary: invalidValue(json).map(asJson), weight: 3 },
    { arbitrary: junkBody, weight: 1 },
  ];
  if (known !== undefined) {
    good.push(
      { arbitrary: fc.constant(asJson(known)), weight: 1 },
      { arbitrary: perturbed(known, json, 'valid').map(asJson), weight: 3 },
    );
    bad.push({ arbitrary: perturbed(known, json, 'any').map(asJson), weight: 3 });
  }
  return { good: fc.oneof(...good), bad: fc.oneof(...bad) };
}

/** A path parameter: real ids (the recipe's first) and schema-valid ones; or (`bad`) segments that must fail cleanly. */
function segmentArbs(route: string, name: string, s: JsonSchema | undefined, real: string | undefined) {
  const before = route
    .split('/:' + name)[0]!
    .split('/')
    .pop()!;
  const pool = [...new Set([...(real ? [real] : []), ...(idsBySegment.get(before) ?? [])])];
  const valid = (s ? validValue(s) : anyText(20)).map((v) => encode(asText(v)));
  const good = fc.oneof(
    ...(real ? [{ arbitrary: fc.constant(encode(real)), weight: 6 }] : []),
    ...(pool.length ? [{ arbitrary: fc.constantFrom(...pool).map(encode), weight: 2 }] : []),
    { arbitrary: fc.constantFrom(...allIds).map(encode), weight: 1 },
    { arbitrary: valid, weight: 1 },
  );
  const bad = fc.oneof(
    fc.constantFrom(...RAW_SEGMENTS),
    fc.oneof(anyText(30), hugeText, ...(s ? [invalidValue(s).map(asText)] : [])).map(encode),
  );
  return { good, bad };
}

/** Serialises a query value as a browser would: arrays as repeated keys, objects as JSON. */
const queryPairs = (name: string, v: Json): [string, string][] =>
  Array.isArray(v) ? v.map((x) => [name, asText(x)]) : [[name, v === null ? 'null' : asText(v)]];

/** A query: some of the declared parameters with valid values; or (`bad`) one value broken, or an unknown or repeated parameter. */
function queryArbs(params: Parameter[]) {
  const valueOf = (p: Parameter) => {
    const ids = /Ids?$/.test(p.name) ? idsForName(p.name) : [];
    return ids.length ? fc.oneof(validValue(p.schema), fc.constantFrom<Json>(...ids)) : validValue(p.schema);
  };
  const good = fc
    .tuple(
      ...params.map((p) =>
        fc.option(
          valueOf(p).map((v) => queryPairs(p.name, v)),
          { nil: undefined, freq: p.required ? 1_000_000 : 2 },
        ),
      ),
    )
    .map((pairs) => pairs.flatMap((x) => x ?? []));
  const broken: fc.Arbitrary<[string, string][]>[] = [
    fc
      .tuple(
        fc.oneof(fc.constantFrom('zz', '__proto__', 'page', 'pageSize', 'q', 'sort', 'constructor'), printable),
        anyText(10),
      )
      .map((pair) => [pair]),
  ];
  if (params.length)
    broken.push(
      fc
        .constantFrom(...params)
        .chain((p) =>
          fc
            .oneof(invalidValue(p.schema), anyText(20) as fc.Arbitrary<Json>, fc.constant<Json>(''))
            .map((v) => queryPairs(p.name, v)),
        ),
    );
  const bad = fc.tuple(good, fc.oneof(...broken)).map(([pairs, wrong]) => [...pairs, ...wrong]);
  return { good, bad };
}

/** Headers: the recipe's (its If-Match) and a language; or (`bad`) If-Match, Idempotency-Key and Accept-Language gone wrong. */
function headerArbs(recipeHeaders: Record<string, string> | undefined) {
  const base = recipeHeaders ?? {};
  const good = fc
    .record({
      language: fc.constantFrom('vi', 'en', 'vi-VN,vi;q=0.9,en;q=0.8'),
      key: fc.option(fc.uuid(), { nil: undefined, freq: 4 }),
    })
    .map(({ language, key }) => ({
      ...base,
      'accept-language': language,
      ...(key ? { 'idempotency-key': key } : {}),
    }));
  const { 'if-match': _, ...withoutIfMatch } = base;
  const bad = fc.oneof(
    fc.constant(withoutIfMatch),
    fc
      .oneof(
        fc.constantFrom('"v1"', '"v2"', '*', 'W/"v1"', '"v-1"', '"v99999999999999999999"', 'abc', '""', ''),
        printable,
      )
      .map((m) => ({ ...base, 'if-match': m })),
    fc.oneof(printable, fc.constant('k'.repeat(300)), fc.constant('')).map((k) => ({ ...base, 'idempotency-key': k })),
    fc
      .constantFrom('fr;q=0.5', '*', '', 'x'.repeat(200), 'vi;q=abc, en;q=-1')
      .map((l) => ({ ...base, 'accept-language': l })),
  );
  return { good, bad };
}

/** Every request of an operation: valid, or with one fault (the other parts valid, so the fault is what is answered). */
function requestArb(
  route: { url: string; method: string },
  op: Operation | undefined,
  recipe: Call | undefined,
  callers: RoleName[],
): fc.Arbitrary<FuzzRequest> {
  const names = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const real: Record<string, string> = {};
  if (recipe) {
    // The values the recipe's URL gives the route's parameters.
    const pattern = new RegExp(
      '^' +
        route.url
          .split(/:\w+/)
          .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('([^/?]+)') +
        '(?:\\?|$)',
    );
    const m = pattern.exec(recipe.url);
    names.forEach((n, i) => {
      if (m?.[i + 1]) real[n] = decodeURIComponent(m[i + 1]!);
    });
  }
  const params = op?.parameters ?? [];
  const segments = names.map(
    (n) =>
      [n, segmentArbs(route.url, n, params.find((p) => p.in === 'path' && p.name === n)?.schema, real[n])] as const,
  );
  const goodSegments = fc.record(Object.fromEntries(segments.map(([n, a]) => [n, a.good])));
  const query = queryArbs(params.filter((p) => p.in === 'query'));
  const headers = headerArbs(recipe?.headers);
  const body = bodyArbs(op, recipe);
  const role = fc.constantFrom(...callers);

  const variants: fc.WeightedArbitrary<FuzzRequest>[] = [
    {
      weight: 3,
      arbitrary: fc.record({
        fault: fc.constant('none' as const),
        role,
        segments: goodSegments,
        query: query.good,
        headers: headers.good,
        body: body.good,
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        fault: fc.constant('body' as const),
        role,
        segments: goodSegments,
        query: query.good,
        headers: headers.good,
        body: body.bad,
      }),
    },
    {
      weight: params.some((p) => p.in === 'query') ? 2 : 1,
      arbitrary: fc.record({
        fault: fc.constant('query' as const),
        role,
        segments: goodSegments,
        query: query.bad,
        headers: headers.good,
        body: body.good,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        fault: fc.constant('headers' as const),
        role,
        segments: goodSegments,
        query: query.good,
        headers: headers.bad,
        body: body.good,
      }),
    },
  ];
  if (names.length)
    variants.push({
      weight: 2,
      arbitrary: fc
        .constantFrom(...names)
        .chain((broken) => fc.record(Object.fromEntries(segments.map(([n, a]) => [n, n === broken ? a.bad : a.good]))))
        .chain((segs) =>
          fc.record({
            fault: fc.constant('path' as const),
            role,
            segments: fc.constant(segs),
            query: query.good,
            headers: headers.good,
            body: body.good,
          }),
        ),
    });
  return fc.oneof(...variants);
}

// ── sending and checking ──

const statuses = new Map<number, number>();
const byOperation = new Map<string, Map<number, number>>();
let total = 0;
let operations = 0;

function urlOf(route: string, segments: Record<string, string>, query: [string, string][]) {
  const path = route.replace(/:(\w+)/g, (_, name: string) => segments[name] ?? 'x');
  const qs = query.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
  return qs ? `${path}?${qs}` : path;
}

function send(method: string, url: string, req: FuzzRequest, auth: string | null) {
  const headers: Record<string, string> = { ...req.headers };
  if (auth) headers.authorization = auth;
  let payload: string | Buffer | undefined;
  const b = req.body;
  if (b.kind === 'json') {
    payload = JSON.stringify(b.value) ?? 'null';
    headers['content-type'] = 'application/json';
  } else if (b.kind === 'raw') {
    payload = b.payload;
    if (b.contentType !== undefined) headers['content-type'] = b.contentType;
  } else if (b.kind === 'multipart') {
    const m = multipartBody(b.fields, b.file);
    payload = m.payload;
    headers['content-type'] = m.contentType;
  }
  return t.app.inject({ method: method as 'GET', url, headers, payload });
}

/** What is wrong with an answer ([] when nothing): a 5xx, or a 4xx that is not clean problem+json. */
function wrongWith(res: { statusCode: number; headers: Record<string, unknown>; payload: string }): string[] {
  const wrong: string[] = [];
  if (res.statusCode >= 500) wrong.push(`answered ${res.statusCode}`);
  if (res.statusCode >= 400 && res.statusCode < 500) {
    const type = String(res.headers['content-type'] ?? '');
    if (!/^application\/problem\+json/.test(type)) wrong.push(`a ${res.statusCode} of type ${type}`);
    else {
      const body = JSON.parse(res.payload) as Record<string, unknown>;
      if (typeof body.type !== 'string' || typeof body.title !== 'string' || body.status !== res.statusCode)
        wrong.push(`a ${res.statusCode} without type, title or its status`);
    }
  }
  if (res.statusCode >= 400) {
    try {
      expectNoInternals(res.payload.slice(0, 20_000));
    } catch {
      wrong.push('internals in the body');
    }
  }
  return wrong;
}

const hash = (s: string) => [...s].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, 7);

describe('contract fuzz', () => {
  it(`plans FUZZ_RUNS (${TOTAL}) requests over every operation, each in the OpenAPI document`, () => {
    expect([...RUNS.values()].reduce((a, n) => a + n, 0)).toBeGreaterThanOrEqual(TOTAL);
    const missing = routes.filter(
      (r) => r.url !== '/api/v1/openapi.json' && !openapi.paths[toOpenApiPath(r.url)]?.[r.method.toLowerCase()],
    );
    expect(missing).toEqual([]);
  });

  describe.each(routes.map((r) => [`${r.method} ${r.url}`, r] as const))('%s', (key, route) => {
    it('answers every request below 500, and every 4xx as problem+json', async () => {
      const op = openapi.paths[toOpenApiPath(route.url)]?.[route.method.toLowerCase()];
      const callers = callersOf(route.access);
      let recipe: Call | undefined;
      try {
        const built = await recipes[key]?.(callers[0]!);
        if (built) recipe = { method: route.method as Call['method'], ...built };
      } catch {
        // The known-good request could not be built: the fuzz runs from the schemas alone.
      }
      const tokens = new Map<RoleName, string>();
      for (const role of callers) tokens.set(role, await mintAccessToken(t, ROLE_ACCOUNTS[role]));
      const counts = new Map<number, number>();
      byOperation.set(key, counts);
      operations++;
      const seed = SEED ^ hash(key);
      try {
        await fc.assert(
          fc.asyncProperty(requestArb(route, op, recipe, callers), async (req) => {
            const url = urlOf(route.url, req.segments, req.query);
            const res = await send(route.method, url, req, route.access === 'public' ? null : tokens.get(req.role)!);
            total++;
            statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
            counts.set(res.statusCode, (counts.get(res.statusCode) ?? 0) + 1);
            const wrong = wrongWith(res);
            if (wrong.length)
              throw new Error(
                `${route.method} ${url.slice(0, 300)} as ${req.role} (fault: ${req.fault}): ${wrong.join('; ')}\n${res.payload.slice(0, 600)}`,
              );
          }),
          { seed, numRuns: RUNS.get(key)! },
        );
      } catch (err) {
        throw new Error(`${key} (FUZZ_SEED=${SEED}, operation seed ${seed}): ${(err as Error).message}`, {
          cause: err,
        });
      }
    });
  });
});

afterAll(() => {
  const line = (m: Map<number, number>) =>
    [...m.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, n]) => `${status}: ${n}`)
      .join(', ');
  console.log(
    `contract fuzz: ${total} requests over ${operations} operations (FUZZ_RUNS=${TOTAL}, FUZZ_SEED=${SEED}); statuses ${line(statuses)}`,
  );
  // FUZZ_VERBOSE=1: each operation's statuses (one that never answers 2xx is fuzzed only at its edge).
  if (process.env.FUZZ_VERBOSE) for (const [key, m] of byOperation) console.log(`  ${key}: ${line(m)}`);
});
