/**
 * Durability and concurrency (QUALITY.md): PATCH needs If-Match against the version (428 without,
 * 412 when stale; two racing writers → one 200, one 412), and Idempotency-Key makes a retried create
 * return the first answer without a second row (another body with the same key → 422).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { people, units } from '../../src/db/schema/index.ts';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { expectProblem } from './support.ts';

let t: TestApp;
let admin: string;
let thachHai: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.auth(DEMO.admin);
  thachHai = await t.unitId('XA-THACHHAI');
});
afterAll(() => t.close());

let n = 0;
async function newUnit() {
  const res = await t.api
    .post('/api/v1/units')
    .set('authorization', admin)
    .send({ parentId: thachHai, code: `DK-${++n}`, name: `Tổ dân phố ${n}`, kind: 'other' });
  expect(res.status, res.text).toBe(201);
  return res;
}
const readUnit = (id: string) => t.api.get(`/api/v1/units/${id}`).set('authorization', admin);
const patchUnit = (id: string, body: Record<string, unknown>, ifMatch?: string) => {
  const req = t.api.patch(`/api/v1/units/${id}`).set('authorization', admin);
  if (ifMatch !== undefined) req.set('if-match', ifMatch);
  return req.send(body);
};

describe('ETag and If-Match on units', () => {
  it('a read carries an ETag, which changes with every write', async () => {
    const { body } = await newUnit();
    const first = await readUnit(body.id);
    expect(first.headers.etag).toMatch(/^"v\d+"$/);
    const written = await patchUnit(body.id, { name: 'Tổ dân phố mới' }, first.headers.etag);
    expect(written.status, written.text).toBe(200);
    expect(written.headers.etag).not.toBe(first.headers.etag);
    expect((await readUnit(body.id)).headers.etag).toBe(written.headers.etag);
  });

  it('a PATCH without If-Match is refused with 428 and changes nothing', async () => {
    const { body } = await newUnit();
    expectProblem(await patchUnit(body.id, { name: 'Không có If-Match' }), 428, 'precondition.required');
    expect((await readUnit(body.id)).body.name).toBe(body.name);
  });

  it('a PATCH with a stale or foreign ETag is refused with 412 and changes nothing', async () => {
    const { body } = await newUnit();
    const stale = (await readUnit(body.id)).headers.etag!;
    expect((await patchUnit(body.id, { name: 'Lần một' }, stale)).status).toBe(200);
    const res = await patchUnit(body.id, { name: 'Lần hai, bản cũ' }, stale);
    expectProblem(res, 412, 'precondition.failed');
    expect(res.body.detail).toMatch(/tải lại/);
    for (const foreign of ['*', '"abc"', 'v1', '"v999"'])
      expectProblem(await patchUnit(body.id, { name: 'Lạ' }, foreign), 412);
    expect((await readUnit(body.id)).body.name).toBe('Lần một');
  });

  it('two PATCHes racing with the same ETag: one 200, one 412, and one audit event', async () => {
    const { body } = await newUnit();
    const etag = (await readUnit(body.id)).headers.etag!;
    const answers = await Promise.all([
      patchUnit(body.id, { name: 'Người sửa A' }, etag),
      patchUnit(body.id, { name: 'Người sửa B' }, etag),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 412]);
    const winner = answers.find((r) => r.status === 200)!;
    const now = await readUnit(body.id);
    expect(now.body.name).toBe(winner.body.name);
    expect(now.body.version).toBe(body.version + 1);
    const audit = await t.api
      .get('/api/v1/audit-events')
      .query({ objectId: body.id, action: 'unit.update' })
      .set('authorization', admin);
    expect(audit.body.total).toBe(1);
  });

  it('five racing writers with the same ETag: exactly one wins', async () => {
    const { body } = await newUnit();
    const etag = (await readUnit(body.id)).headers.etag!;
    const answers = await Promise.all([1, 2, 3, 4, 5].map((i) => patchUnit(body.id, { displayOrder: i }, etag)));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 412, 412, 412, 412]);
  });

  it('people and users follow the same rule', async () => {
    const [p] = await t.database.db.select().from(people).where(eq(people.unitId, thachHai)).limit(1);
    expectProblem(
      await t.api.patch(`/api/v1/people/${p!.id}`).set('authorization', admin).send({ position: 'X' }),
      428,
    );
    const read = await t.api.get(`/api/v1/people/${p!.id}`).set('authorization', admin);
    expect(read.headers.etag).toBe(`"v${p!.version}"`);
    expectProblem(
      await t.api
        .patch(`/api/v1/people/${p!.id}`)
        .set('authorization', admin)
        .set('if-match', `"v${p!.version + 1}"`)
        .send({ position: 'X' }),
      412,
    );
    const userId = await t.userId(DEMO.observer);
    expectProblem(
      await t.api.patch(`/api/v1/users/${userId}`).set('authorization', admin).send({ fullName: 'X' }),
      428,
    );
    expectProblem(
      await t.api
        .patch(`/api/v1/users/${userId}`)
        .set('authorization', admin)
        .set('if-match', '"v999"')
        .send({ fullName: 'X' }),
      412,
    );
  });
});

async function unitsWithCode(code: string) {
  const [row] = await t.database.db.select({ n: count() }).from(units).where(eq(units.code, code));
  return row!.n;
}
async function peopleNamed(fullName: string) {
  const [row] = await t.database.db.select({ n: count() }).from(people).where(eq(people.fullName, fullName));
  return row!.n;
}

describe('Idempotency-Key on creates', () => {
  it('POST /units retried with the same key and body returns the same answer and creates one row', async () => {
    const body = { parentId: thachHai, code: 'IDEM-1', name: 'Tổ tự quản 1', kind: 'other' };
    const first = await t.api
      .post('/api/v1/units')
      .set('authorization', admin)
      .set('idempotency-key', 'key-unit-1')
      .send(body);
    expect(first.status, first.text).toBe(201);
    const again = await t.api
      .post('/api/v1/units')
      .set('authorization', admin)
      .set('idempotency-key', 'key-unit-1')
      .send(body);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.location).toBe(first.headers.location);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await unitsWithCode('IDEM-1')).toBe(1);
  });

  it('POST /units with the same key and another body is refused with 422, nothing created', async () => {
    const body = { parentId: thachHai, code: 'IDEM-2', name: 'Tổ tự quản 2', kind: 'other' };
    expect(
      (await t.api.post('/api/v1/units').set('authorization', admin).set('idempotency-key', 'key-unit-2').send(body))
        .status,
    ).toBe(201);
    const other = await t.api
      .post('/api/v1/units')
      .set('authorization', admin)
      .set('idempotency-key', 'key-unit-2')
      .send({ ...body, code: 'IDEM-2B' });
    expectProblem(other, 422, 'idempotency.key_reused');
    expect(await unitsWithCode('IDEM-2B')).toBe(0);
  });

  it('the same body with key order changed counts as the same request', async () => {
    const first = await t.api
      .post('/api/v1/units')
      .set('authorization', admin)
      .set('idempotency-key', 'key-unit-3')
      .send({ parentId: thachHai, code: 'IDEM-3', name: 'Tổ 3', kind: 'other' });
    expect(first.status).toBe(201);
    const reordered = await t.api
      .post('/api/v1/units')
      .set('authorization', admin)
      .set('idempotency-key', 'key-unit-3')
      .set('content-type', 'application/json')
      .send(`{"kind":"other","name":"Tổ 3","code":"IDEM-3","parentId":"${thachHai}"}`);
    expect(reordered.status).toBe(201);
    expect(reordered.body.id).toBe(first.body.id);
  });

  it('a refused create (409) is replayed as the same refusal', async () => {
    const body = { parentId: thachHai, code: 'XA-THACHHAI', name: 'Trùng mã', kind: 'other' };
    const first = await t.api
      .post('/api/v1/units')
      .set('authorization', admin)
      .set('idempotency-key', 'key-unit-dup')
      .send(body);
    expectProblem(first, 409, 'unit.code_taken');
    const again = await t.api
      .post('/api/v1/units')
      .set('authorization', admin)
      .set('idempotency-key', 'key-unit-dup')
      .send(body);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('unit.code_taken');
  });

  it('two parallel requests with one key create one row', async () => {
    const body = { parentId: thachHai, code: 'IDEM-PAR', name: 'Tổ song song', kind: 'other' };
    const answers = await Promise.all(
      [1, 2, 3].map(() =>
        t.api.post('/api/v1/units').set('authorization', admin).set('idempotency-key', 'key-unit-par').send(body),
      ),
    );
    for (const a of answers) expect([201, 409]).toContain(a.status);
    expect(answers.filter((a) => a.status === 201).length).toBeGreaterThanOrEqual(1);
    expect(await unitsWithCode('IDEM-PAR')).toBe(1);
  });

  it('keys belong to the caller: another account with the same key creates its own record', async () => {
    const body = { unitId: thachHai, fullName: 'Trần Khoá Chung' };
    const a = await t.api
      .post('/api/v1/people')
      .set('authorization', admin)
      .set('idempotency-key', 'key-shared')
      .send(body);
    const b = await t.api
      .post('/api/v1/people')
      .set('authorization', await t.auth(DEMO.secretariat))
      .set('idempotency-key', 'key-shared')
      .send(body);
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body.id).not.toBe(a.body.id);
    expect(await peopleNamed('Trần Khoá Chung')).toBe(2);
  });

  it('POST /people retried with the same key returns the same person; another body → 422', async () => {
    const body = { unitId: thachHai, fullName: 'Lê Thị Thu Hà', position: 'Công chức Tư pháp - Hộ tịch' };
    const first = await t.api
      .post('/api/v1/people')
      .set('authorization', admin)
      .set('idempotency-key', 'key-person-1')
      .send(body);
    expect(first.status, first.text).toBe(201);
    const again = await t.api
      .post('/api/v1/people')
      .set('authorization', admin)
      .set('idempotency-key', 'key-person-1')
      .send(body);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await peopleNamed('Lê Thị Thu Hà')).toBe(1);
    const other = await t.api
      .post('/api/v1/people')
      .set('authorization', admin)
      .set('idempotency-key', 'key-person-1')
      .send({ ...body, fullName: 'Lê Thị Thu Hằng' });
    expectProblem(other, 422, 'idempotency.key_reused');
    expect(await peopleNamed('Lê Thị Thu Hằng')).toBe(0);
  });

  it('without a key, two identical creates make two rows (the key is what deduplicates)', async () => {
    const body = { unitId: thachHai, fullName: 'Võ Văn Không Khoá' };
    expect((await t.api.post('/api/v1/people').set('authorization', admin).send(body)).status).toBe(201);
    expect((await t.api.post('/api/v1/people').set('authorization', admin).send(body)).status).toBe(201);
    expect(await peopleNamed('Võ Văn Không Khoá')).toBe(2);
  });

  it('a key longer than 200 characters is refused with 400', async () => {
    const res = await t.api
      .post('/api/v1/people')
      .set('authorization', admin)
      .set('idempotency-key', 'k'.repeat(201))
      .send({ unitId: thachHai, fullName: 'Khoá Dài' });
    expectProblem(res, 400);
    expect(await peopleNamed('Khoá Dài')).toBe(0);
  });
});
