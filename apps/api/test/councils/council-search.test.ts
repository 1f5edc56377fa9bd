/** Councils are searched like every list (issue 11, bug 2): Vietnamese diacritics ignored, in the name or the term. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';

let t: TestApp;
let auth: string;
const tag = randomBytes(3).toString('hex');
const NAME = `Hội đồng Sáng kiến Đặc biệt ${tag}`;

beforeAll(async () => {
  t = await createTestApp();
  auth = await t.auth(DEMO.secretariat);
  const c = await t.api
    .post('/api/v1/councils')
    .set('authorization', auth)
    .send({
      authorityUnitId: await t.unitId('UBND-TH'),
      name: NAME,
      term: 'Nhiệm kỳ đầu tiên',
      validFrom: '2021-07-01',
      validTo: '2026-06-30',
    });
  expect(c.status, c.text).toBe(201);
});
afterAll(() => t.close());

const names = async (q: string) => {
  const res = await t.api.get('/api/v1/councils').query({ q }).set('authorization', auth);
  expect(res.status, res.text).toBe(200);
  return res.body.items.map((c: { name: string }) => c.name);
};

describe('searching councils', () => {
  it('finds a council by its name with or without diacritics, words in any order', async () => {
    expect(await names(`Đặc biệt ${tag}`)).toEqual([NAME]);
    expect(await names(`sang kien dac biet ${tag}`)).toEqual([NAME]);
    expect(await names(`${tag} DAC BIET`)).toEqual([NAME]);
  });

  it('finds it by its term without diacritics, and a word of neither finds nothing', async () => {
    expect(await names(`nhiem ky dau tien ${tag}`)).toEqual([NAME]);
    expect(await names(`khong co ${tag}`)).toEqual([]);
    expect(await names('%')).toEqual([]);
  });
});
