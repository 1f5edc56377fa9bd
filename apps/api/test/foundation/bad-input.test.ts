/**
 * Mass assignment and bad input (QUALITY.md): unknown or read-only fields are refused with 400
 * `validation.unknown_field`; malformed JSON, wrong types, huge strings and unknown content types
 * get a 4xx problem+json, never a 5xx nor internals; messages follow Accept-Language.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { people, units, users } from '../../src/db/schema/index.ts';
import { createTestApp, DEMO, DEMO_PASSWORD, type TestApp } from '../helpers.ts';
import { expectNoInternals, expectProblem } from './support.ts';

let t: TestApp;
let thachHai: string;
let personId: string;
let personEtag: string;
let unitEtag: string;
let userId: string;
let userEtag: string;
let ownToken: string;
beforeAll(async () => {
  t = await createTestApp();
  thachHai = await t.unitId('XA-THACHHAI');
  const admin = await t.auth(DEMO.admin);
  const [p] = await t.database.db.select().from(people).where(eq(people.unitId, thachHai)).limit(1);
  personId = p!.id;
  personEtag = `"v${p!.version}"`;
  unitEtag = (await t.api.get(`/api/v1/units/${thachHai}`).set('authorization', admin)).headers.etag!;
  userId = await t.userId(DEMO.observer);
  userEtag = (await t.api.get(`/api/v1/users/${userId}`).set('authorization', admin)).headers.etag!;
  // The own-password route gets a session of its own (a wrong body must not end it, but be safe).
  ownToken = `Bearer ${(await t.api.post('/api/v1/auth/login').send({ email: DEMO.communications, password: DEMO_PASSWORD })).body.accessToken}`;
});
afterAll(() => t.close());

type Method = 'post' | 'patch' | 'put';
interface BodyRoute {
  name: string;
  method: Method;
  url: () => string;
  valid: () => Record<string, unknown>;
  auth: () => Promise<string | null>;
  ifMatch?: () => string;
}

/** Every JSON body of the foundation routes, each with a body that is valid on its own. */
const BODY_ROUTES: BodyRoute[] = [
  {
    name: 'POST /auth/login',
    method: 'post',
    url: () => '/api/v1/auth/login',
    valid: () => ({ email: DEMO.leader, password: 'sai-mat-khau' }),
    auth: async () => null,
  },
  {
    name: 'POST /me/password',
    method: 'post',
    url: () => '/api/v1/me/password',
    valid: () => ({ currentPassword: 'x', newPassword: 'Mat-khau-moi-dai' }),
    auth: async () => ownToken,
  },
  {
    name: 'POST /users',
    method: 'post',
    url: () => '/api/v1/users',
    valid: () => ({
      email: 'gan.nham@thachha.gov.vn',
      fullName: 'Gán nhầm',
      password: 'Mat-khau-dai-du',
      roles: [{ role: 'observer' }],
    }),
    auth: () => t.auth(DEMO.admin),
  },
  {
    name: 'PATCH /users/:id',
    method: 'patch',
    url: () => `/api/v1/users/${userId}`,
    valid: () => ({ fullName: 'Tên mới' }),
    auth: () => t.auth(DEMO.admin),
    ifMatch: () => userEtag,
  },
  {
    name: 'POST /units',
    method: 'post',
    url: () => '/api/v1/units',
    valid: () => ({ parentId: thachHai, code: 'GAN-NHAM', name: 'Tổ gán nhầm', kind: 'other' }),
    auth: () => t.auth(DEMO.admin),
  },
  {
    name: 'PATCH /units/:id',
    method: 'patch',
    url: () => `/api/v1/units/${thachHai}`,
    valid: () => ({ name: 'UBND xã Thạch Hải' }),
    auth: () => t.auth(DEMO.admin),
    ifMatch: () => unitEtag,
  },
  {
    name: 'PUT /units/level-names',
    method: 'put',
    url: () => '/api/v1/units/level-names',
    valid: () => ({ levels: ['Huyện', 'Phòng / xã'] }),
    auth: () => t.auth(DEMO.admin),
  },
  {
    name: 'POST /people',
    method: 'post',
    url: () => '/api/v1/people',
    valid: () => ({ unitId: thachHai, fullName: 'Gán Nhầm' }),
    auth: () => t.auth(DEMO.admin),
  },
  {
    name: 'PATCH /people/:id',
    method: 'patch',
    url: () => `/api/v1/people/${personId}`,
    valid: () => ({ position: 'Chuyên viên' }),
    auth: () => t.auth(DEMO.admin),
    ifMatch: () => personEtag,
  },
];

async function send(
  route: BodyRoute,
  body: string | Record<string, unknown>,
  opts: { contentType?: string; lang?: string } = {},
) {
  const req = t.api[route.method](route.url());
  const token = await route.auth();
  if (token) req.set('authorization', token);
  if (route.ifMatch) req.set('if-match', route.ifMatch());
  if (opts.lang) req.set('accept-language', opts.lang);
  req.set('content-type', opts.contentType ?? 'application/json');
  return req.send(typeof body === 'string' ? body : JSON.stringify(body));
}

async function rowCounts() {
  const [[u], [n], [p]] = await Promise.all([
    t.database.db.select({ n: count() }).from(units),
    t.database.db.select({ n: count() }).from(users),
    t.database.db.select({ n: count() }).from(people),
  ]);
  return { units: u!.n, users: n!.n, people: p!.n };
}

describe.each(BODY_ROUTES.map((r) => [r.name, r] as const))('%s', (_name, route) => {
  it.each(['status', 'version', 'createdBy', 'createdAt', 'id', 'isAdmin'])(
    'refuses the unknown field %s with 400 validation.unknown_field',
    async (field) => {
      const before = await rowCounts();
      const res = await send(route, { ...route.valid(), [field]: field === 'version' ? 99 : 'x' });
      expectProblem(res, 400, 'validation.unknown_field');
      expect(res.body.errors).toEqual([expect.objectContaining({ field: `/${field}`, code: 'unknown_field' })]);
      expect(await rowCounts()).toEqual(before);
    },
  );

  it('refuses a __proto__ key (also spelled with a unicode escape) and constructor.prototype with 400 validation.unknown_field', async () => {
    const valid = JSON.stringify(route.valid()).slice(0, -1);
    for (const raw of [
      `${valid},"__proto__":{"admin":true}}`,
      `${valid},"\\u005f_proto__":{"admin":true}}`,
      `${valid},"constructor":{"prototype":{"admin":true}}}`,
    ]) {
      const res = await send(route, raw);
      expectProblem(res, 400, 'validation.unknown_field');
      expect(res.body.errors?.[0]?.field).toMatch(/^\/(__proto__|constructor)$/);
    }
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('refuses malformed and empty JSON with 400 request.malformed_json', async () => {
    for (const raw of ['{', '{"a":', "{'a':1}", '{"a":1,}', 'null x', '']) {
      expectProblem(await send(route, raw), 400, 'request.malformed_json');
    }
  });

  it('refuses a 2 MB string with 413, and a long string within the limit with 400', async () => {
    const key = Object.keys(route.valid()).find((k) => typeof route.valid()[k] === 'string')!;
    expectProblem(
      await send(route, { ...route.valid(), [key]: 'a'.repeat(2 * 1024 * 1024) }),
      413,
      'request.too_large',
    );
    const res = await send(route, { ...route.valid(), [key]: 'â'.repeat(100_000) });
    expectProblem(res, 400);
    expect(res.body.errors?.[0]?.field).toBe(`/${key}`);
  });

  it('refuses unsupported content types with 415', async () => {
    for (const ct of ['text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'image/png']) {
      expectProblem(
        await send(route, 'email=a&password=b', { contentType: ct }),
        415,
        'request.unsupported_media_type',
      );
    }
  });

  it('refuses non-object JSON bodies with 400', async () => {
    for (const raw of ['[]', '"text"', '42', 'null', 'true']) {
      const res = await send(route, raw);
      expect(res.status, `${raw} → ${res.status} ${res.text}`).toBe(400);
      expectProblem(res, 400);
    }
  });
});

describe('wrong types', () => {
  const admin = () => t.auth(DEMO.admin);

  it('strings, numbers, booleans and arrays are not converted into each other (400 with the field)', async () => {
    const before = await rowCounts();
    const cases: [string, Record<string, unknown>, string][] = [
      ['/api/v1/units', { parentId: thachHai, code: 'SAI-KIEU', name: 123, kind: 'other' }, '/name'],
      [
        '/api/v1/units',
        { parentId: thachHai, code: 'SAI-KIEU', name: 'Tổ', kind: 'other', displayOrder: '5' },
        '/displayOrder',
      ],
      [
        '/api/v1/units',
        { parentId: thachHai, code: 'SAI-KIEU', name: 'Tổ', kind: 'other', displayOrder: 1.5 },
        '/displayOrder',
      ],
      ['/api/v1/units', { parentId: thachHai, code: 'SAI-KIEU', name: 'Tổ', kind: 'district' }, '/kind'],
      ['/api/v1/units', { parentId: 7, code: 'SAI-KIEU', name: 'Tổ', kind: 'other' }, '/parentId'],
      ['/api/v1/units', { parentId: thachHai, code: ['SAI-KIEU'], name: 'Tổ', kind: 'other' }, '/code'],
      ['/api/v1/people', { unitId: thachHai, fullName: 'Sai Kiểu', birthYear: '1980' }, '/birthYear'],
      ['/api/v1/people', { unitId: thachHai, fullName: { first: 'Sai' } }, '/fullName'],
      [
        '/api/v1/users',
        {
          email: 'sai.kieu@thachha.gov.vn',
          fullName: 'Sai kiểu',
          password: 'Mat-khau-dai-du',
          roles: { role: 'admin' },
        },
        '/roles',
      ],
      [
        '/api/v1/users',
        { email: 'not-an-email', fullName: 'Sai kiểu', password: 'Mat-khau-dai-du', roles: [] },
        '/email',
      ],
    ];
    for (const [url, body, field] of cases) {
      const res = await t.api
        .post(url)
        .set('authorization', await admin())
        .send(body);
      expectProblem(res, 400);
      expect(res.body.errors?.[0]?.field, `${url} ${JSON.stringify(body)}`).toBe(field);
    }
    expect(await rowCounts()).toEqual(before);
  });

  it('a PATCH with archived: "true" (a string) is refused and the unit is unchanged', async () => {
    const res = await t.api
      .patch(`/api/v1/units/${thachHai}`)
      .set('authorization', await admin())
      .set('if-match', unitEtag)
      .send({ archived: 'true' });
    expectProblem(res, 400);
    const [row] = await t.database.db.select().from(units).where(eq(units.id, thachHai));
    expect(row!.archived).toBe(false);
  });

  it('a NUL character in a string is refused with 400, not a database error', async () => {
    const res = await t.api
      .post('/api/v1/units')
      .set('authorization', await admin())
      .send({ parentId: thachHai, code: 'NUL', name: 'Tổ\u0000 một', kind: 'other' });
    expectProblem(res, 400);
    expect(res.body.errors?.[0]?.field).toBe('/name');
    const q = await t.api
      .get('/api/v1/units')
      .query({ q: 'a\u0000b' })
      .set('authorization', await admin());
    expect(q.status, q.text).toBeGreaterThanOrEqual(400);
    expect(q.status).toBeLessThan(500);
  });

  it('query strings: numbers are read from text, but bad values and unknown parameters are 400', async () => {
    const ok = await t.api
      .get('/api/v1/units?page=2&pageSize=5&includeArchived=true')
      .set('authorization', await admin());
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.pageSize).toBe(5);
    for (const qs of [
      'pageSize=abc',
      'page=0',
      'page=-1',
      'pageSize=1.5',
      'kind=district',
      'includeArchived=maybe',
      'sort=name',
      `q=${'a'.repeat(201)}`,
    ]) {
      const res = await t.api.get(`/api/v1/units?${qs}`).set('authorization', await admin());
      expectProblem(res, 400);
    }
  });

  it('an id longer than allowed is 400, an id that does not exist is 404', async () => {
    expectProblem(await t.api.get(`/api/v1/units/${'x'.repeat(65)}`).set('authorization', await admin()), 400);
    expectProblem(await t.api.get('/api/v1/units/un_khong_co').set('authorization', await admin()), 404, 'not_found');
    expectProblem(
      await t.api.get(`/api/v1/units/${encodeURIComponent("' OR 1=1 --")}`).set('authorization', await admin()),
      404,
    );
  });

  it('a deeply nested body is refused without a crash', async () => {
    const deep = '['.repeat(50_000) + ']'.repeat(50_000);
    const res = await t.api
      .post('/api/v1/units')
      .set('authorization', await admin())
      .set('content-type', 'application/json')
      .send(`{"parentId":null,"code":"DEEP","name":"x","kind":"other","address":${deep}}`);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expectNoInternals(res.text);
  });

  it('JSON with a charset parameter is accepted (control for the 415s above)', async () => {
    const res = await t.api
      .post('/api/v1/people')
      .set('authorization', await admin())
      .set('content-type', 'application/json; charset=utf-8')
      .send(JSON.stringify({ unitId: thachHai, fullName: 'Ngô Thị Bảng Mã' }));
    expect(res.status, res.text).toBe(201);
  });

  it('an unknown route is a 404 problem+json', async () => {
    expectProblem(
      await t.api.get('/api/v1/khong-co').set('authorization', await admin()),
      404,
      'request.route_not_found',
    );
    expectProblem(await t.api.delete('/api/v1/units').set('authorization', await admin()), 404);
  });
});

describe('language of messages', () => {
  const bad = () => t.api.post('/api/v1/units').set('authorization', `Bearer x`);

  it('is Vietnamese by default and for vi, English for en', async () => {
    const vi = await bad();
    expect(vi.body.detail).toBe('Phiên đăng nhập không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập lại.');
    expect(vi.body.title).toBe('Chưa đăng nhập');
    expect(vi.headers['content-language']).toBe('vi');
    const en = await bad().set('accept-language', 'en');
    expect(en.body.detail).toBe('Your session is invalid or has expired. Please sign in again.');
    expect(en.body.title).toBe('Unauthorized');
    expect(en.headers['content-language']).toBe('en');
    expect((await bad().set('accept-language', 'en-US,en;q=0.9,vi;q=0.5')).body.title).toBe('Unauthorized');
    expect((await bad().set('accept-language', 'vi-VN,en;q=0.5')).body.title).toBe('Chưa đăng nhập');
    expect((await bad().set('accept-language', 'fr-FR')).body.title).toBe('Chưa đăng nhập');
  });

  it("field errors of a validation failure are explained in the caller's language", async () => {
    const body = { parentId: thachHai, code: 'X', name: '', kind: 'other' };
    const vi = await t.api
      .post('/api/v1/units')
      .set('authorization', await t.auth(DEMO.admin))
      .send(body);
    expectProblem(vi, 400, 'validation.failed');
    expect(vi.body.detail).toBe('Dữ liệu gửi lên không hợp lệ.');
    expect(vi.body.errors[0]).toEqual(expect.objectContaining({ field: '/name' }));
    expect(vi.body.errors[0].message).toMatch(/ký tự/);
    const en = await t.api
      .post('/api/v1/units')
      .set('authorization', await t.auth(DEMO.admin))
      .set('accept-language', 'en')
      .send(body);
    expect(en.body.detail).toBe('The request data is not valid.');
    expect(en.body.errors[0].message).toMatch(/character/);
  });

  it('the unknown-field message names the field in both languages', async () => {
    const admin = await t.auth(DEMO.admin);
    const vi = await t.api
      .post('/api/v1/people')
      .set('authorization', admin)
      .send({ unitId: thachHai, fullName: 'A', status: 'approved' });
    const en = await t.api
      .post('/api/v1/people')
      .set('authorization', admin)
      .set('accept-language', 'en')
      .send({ unitId: thachHai, fullName: 'A', status: 'approved' });
    expect(vi.body.detail).toBe('Trường không được phép: /status.');
    expect(en.body.detail).toBe('Field not allowed: /status.');
  });
});

describe('malformed multipart on the upload routes', () => {
  const UPLOADS = ['/api/v1/files', '/api/v1/units/import', '/api/v1/people/import'];
  const cutShort =
    '--XX\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n' +
    'Content-Type: application/octet-stream\r\n\r\nPK\u0003\u0004abc';

  it.each(UPLOADS)('%s answers a body without boundary, or cut short, with 400 problem+json', async (url) => {
    const admin = await t.auth(DEMO.admin);
    for (const [contentType, payload] of [
      ['multipart/form-data', 'abc'],
      ['multipart/form-data; boundary=XX', cutShort],
      [`multipart/form-data; boundary=${'b'.repeat(300)}`, 'abc'],
    ]) {
      const res = await t.app.inject({
        method: 'POST',
        url,
        headers: { authorization: admin, 'content-type': contentType! },
        payload: payload!,
      });
      const parsed = {
        status: res.statusCode,
        headers: res.headers as Record<string, string>,
        body: res.json(),
        text: res.body,
      };
      expectProblem(parsed, 400, 'request.malformed_multipart');
      expect(parsed.body.detail).toMatch(/multipart/);
    }
  });

  describe('a client that aborts an upload', () => {
    const lines: string[] = [];
    let logged: TestApp;
    beforeAll(async () => {
      logged = await createTestApp({ logLevel: 'info', logStream: { write: (line: string) => void lines.push(line) } });
      await new Promise<void>((resolve) => logged.app.server.listen(0, '127.0.0.1', resolve));
    });
    afterAll(() => logged.close());

    it('is logged at info as an abort, not at error as a database outage', async () => {
      const token = await logged.auth(DEMO.admin);
      const { port } = logged.app.server.address() as net.AddressInfo;
      const socket = net.connect(port, '127.0.0.1');
      await new Promise((resolve) => socket.once('connect', resolve));
      socket.write(
        'POST /api/v1/files HTTP/1.1\r\nHost: localhost\r\n' +
          `Authorization: ${token}\r\nContent-Type: multipart/form-data; boundary=XX\r\n` +
          'Content-Length: 1000000\r\n\r\n' +
          '--XX\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n' +
          'Content-Type: application/pdf\r\n\r\n' +
          '%PDF-1.4 '.repeat(2000),
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      socket.destroy();
      const entries = () => lines.map((l) => JSON.parse(l) as { level: number; msg: string; req?: { url?: string } });
      await expect
        .poll(() => entries().some((e) => e.msg === 'client aborted the request'), { timeout: 5000 })
        .toBe(true);
      const abort = entries().find((e) => e.msg === 'client aborted the request')!;
      expect(abort.level).toBe(30);
      expect(entries().filter((e) => e.level >= 50)).toEqual([]);
    });
  });
});

describe('what the router refuses', () => {
  it.each([
    ['a 201-character id', `/api/v1/units/${'a'.repeat(201)}`, 414, 'request.uri_too_long', 'Đường dẫn quá dài.'],
    ['%FF in the path', '/api/v1/units/%FF', 400, 'request.bad_url', 'Đường dẫn không hợp lệ.'],
    ['%FF in a route-less path', '/api/v1/%FF', 400, 'request.bad_url', 'Đường dẫn không hợp lệ.'],
  ])('%s answers problem+json in Vietnamese without echoing the URL', async (_label, url, status, code, detail) => {
    const res = await t.api.get(url).set('authorization', await t.auth(DEMO.admin));
    expectProblem(res, status, code);
    expect(res.body.detail).toBe(detail);
    expect(res.body.instance).toBeUndefined();
    expect(res.text).not.toContain('aaaaaaaaaa');
    expect(res.text).not.toMatch(/%FF/i);
    const en = await t.api.get(url).set('accept-language', 'en');
    expect(en.headers['content-language']).toBe('en');
  });
});

describe('found by the contract fuzz (test/fuzz)', () => {
  it('a posting period of 0 working days is refused (400), so publishing a posting cannot fail with a 500', async () => {
    const admin = await t.auth(DEMO.admin);
    const url = `/api/v1/authorities/${await t.unitId('UBND-TH')}/award-settings`;
    const read = await t.api.get(url).set('authorization', admin);
    expect(read.status).toBe(200);
    const { grantorLevel, quorum, threshold, thresholdStrict, bonusRoundingStep, grantorTitle, issuerCode, place } =
      read.body;
    const res = await t.api.put(url).set('authorization', admin).set('if-match', read.headers.etag!).send({
      grantorLevel,
      quorum,
      threshold,
      thresholdStrict,
      postingWorkingDays: 0,
      bonusRoundingStep,
      grantorTitle,
      issuerCode,
      place,
    });
    expectProblem(res, 400);
    expect((await t.api.get(url).set('authorization', admin)).body.postingWorkingDays).toBe(
      read.body.postingWorkingDays,
    );
  });
});
