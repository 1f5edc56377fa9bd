/**
 * An idempotent create stores its key and answer in the same transaction as the record
 * (QUALITY.md): a failure writing the answer takes the record back with it, a crash after the
 * commit leaves both so the retry answers the first result, and a retry arriving while the first
 * request is still running waits for it instead of creating a second record.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, like } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import { files, idempotencyKeys, units } from '../../src/db/schema/index.ts';
import { idempotencyFaults } from '../../src/plugins/idempotency.ts';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { pdf } from '../files/fixtures.ts';

let t: TestApp;
let admin: string;
let thachHai: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.auth(DEMO.admin);
  thachHai = await t.unitId('XA-THACHHAI');
  // The database itself refuses to store the answer of keys named "refuse-…": a fault between the
  // record and its key that no code path of the app can paper over.
  await t.database.db.execute(
    sql.raw(`
    CREATE FUNCTION test_refuse_answer() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.key LIKE 'refuse-%' AND NEW.status_code IS NOT NULL THEN
        RAISE EXCEPTION 'answer refused by the test trigger';
      END IF;
      RETURN NEW;
    END $$`),
  );
  await t.database.db.execute(
    sql.raw(`CREATE TRIGGER test_refuse_answer BEFORE INSERT OR UPDATE ON idempotency_keys
      FOR EACH ROW EXECUTE FUNCTION test_refuse_answer()`),
  );
});
afterAll(() => t.close());
afterEach(() => {
  idempotencyFaults.beforeAnswerStored = null;
  idempotencyFaults.afterCommit = null;
});

const createUnit = (key: string, code: string) =>
  t.api
    .post('/api/v1/units')
    .set('authorization', admin)
    .set('idempotency-key', key)
    .send({ parentId: thachHai, code, name: `Tổ dân phố ${code}`, kind: 'other' });

async function unitsWithCode(code: string) {
  const [row] = await t.database.db.select({ n: count() }).from(units).where(eq(units.code, code));
  return row!.n;
}
async function keysNamed(key: string) {
  return t.database.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
}

describe('the record and its stored answer commit together', () => {
  it('when the database refuses the answer, the unit is not created either, and no key is left', async () => {
    const res = await createUnit('refuse-unit-1', 'IDK-REFUSED');
    expect(res.status).toBe(500);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.text).not.toContain('refused by the test trigger');
    expect(await unitsWithCode('IDK-REFUSED')).toBe(0);
    expect(await keysNamed('refuse-unit-1')).toEqual([]);
  });

  it('a failure just before the answer is stored rolls the create back; the retry creates it once', async () => {
    idempotencyFaults.beforeAnswerStored = () => {
      throw new Error('simulated crash before the answer is stored');
    };
    const failed = await createUnit('idk-before-answer', 'IDK-BEFORE');
    expect(failed.status).toBe(500);
    expect(await unitsWithCode('IDK-BEFORE')).toBe(0);
    expect(await keysNamed('idk-before-answer')).toEqual([]);

    idempotencyFaults.beforeAnswerStored = null;
    const retry = await createUnit('idk-before-answer', 'IDK-BEFORE');
    expect(retry.status, retry.text).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    expect(await unitsWithCode('IDK-BEFORE')).toBe(1);
  });

  it('a crash after the commit, before the answer leaves: the retry answers the first result', async () => {
    let committedKey: string | null = null;
    idempotencyFaults.afterCommit = (key) => {
      committedKey = key;
      throw new Error('simulated crash after the commit');
    };
    const lost = await createUnit('idk-after-commit', 'IDK-AFTER');
    expect(lost.status).toBe(500);
    expect(committedKey).toBe('idk-after-commit');
    // Committed: the unit and its key with the answer the client never got.
    expect(await unitsWithCode('IDK-AFTER')).toBe(1);
    const [stored] = await keysNamed('idk-after-commit');
    expect(stored?.statusCode).toBe(201);

    idempotencyFaults.afterCommit = null;
    const retry = await createUnit('idk-after-commit', 'IDK-AFTER');
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    const [row] = await t.database.db.select({ id: units.id }).from(units).where(eq(units.code, 'IDK-AFTER'));
    expect(retry.body.id).toBe(row!.id);
    expect(JSON.parse(stored!.responseBody!)).toEqual(retry.body);
    expect(await unitsWithCode('IDK-AFTER')).toBe(1);
  });

  it('a retry sent while the first request is still running waits for it and answers the same unit', async () => {
    let enter!: () => void;
    const entered = new Promise<void>((resolve) => (enter = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    idempotencyFaults.beforeAnswerStored = async () => {
      idempotencyFaults.beforeAnswerStored = null;
      enter();
      await released;
    };
    const first = createUnit('idk-in-flight', 'IDK-FLIGHT').then((r) => r);
    await entered;
    // The first request is between its insert and its commit.
    let retryDone = false;
    const retry = createUnit('idk-in-flight', 'IDK-FLIGHT').then((r) => {
      retryDone = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(retryDone).toBe(false);
    release();
    const [a, b] = await Promise.all([first, retry]);
    expect(a.status, a.text).toBe(201);
    expect(b.status, b.text).toBe(201);
    expect(b.headers['idempotent-replayed']).toBe('true');
    expect(b.body).toEqual(a.body);
    expect(await unitsWithCode('IDK-FLIGHT')).toBe(1);
  });

  it('a refusal is stored with nothing of its work, and replayed', async () => {
    const body = { parentId: thachHai, code: 'XA-THACHHAI', name: 'Trùng mã', kind: 'other' };
    const first = await t.api
      .post('/api/v1/units')
      .set('authorization', admin)
      .set('idempotency-key', 'idk-409')
      .send(body);
    expect(first.status).toBe(409);
    const [stored] = await keysNamed('idk-409');
    expect(stored?.statusCode).toBe(409);
    const again = await t.api
      .post('/api/v1/units')
      .set('authorization', admin)
      .set('idempotency-key', 'idk-409')
      .send(body);
    expect(again.status).toBe(409);
    expect(again.headers['idempotent-replayed']).toBe('true');
  });

  it('an upload (key claimed inside the handler) whose answer is refused leaves no file row; its retry stores one', async () => {
    const officer = await t.auth(DEMO.unitOfficer);
    const countFiles = async (name: string) =>
      (await t.database.db.select({ n: count() }).from(files).where(like(files.name, name)))[0]!.n;
    const send = (key: string) =>
      t.api
        .post('/api/v1/files')
        .set('authorization', officer)
        .set('idempotency-key', key)
        .attach('file', pdf(3000), { filename: 'bao-cao-idk.pdf', contentType: 'application/pdf' });
    const refused = await send('refuse-upload-1');
    expect(refused.status).toBe(500);
    expect(await countFiles('bao-cao-idk%')).toBe(0);

    idempotencyFaults.afterCommit = () => {
      throw new Error('simulated crash after the commit');
    };
    expect((await send('idk-upload-2')).status).toBe(500);
    idempotencyFaults.afterCommit = null;
    const retry = await send('idk-upload-2');
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await countFiles('bao-cao-idk%')).toBe(1);
    const [row] = await t.database.db
      .select({ id: files.id })
      .from(files)
      .where(and(like(files.name, 'bao-cao-idk%')));
    expect(retry.body.id).toBe(row!.id);
  });
});
