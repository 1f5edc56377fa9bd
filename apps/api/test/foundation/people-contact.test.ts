/**
 * A person's contact data (phone, e-mail, birth year, gender) is theirs to give: the authority's
 * offices within their authority ('person.read_contact'), the managers of the person's own unit and
 * the person themselves see it; every other reader of the directory sees name, position and unit,
 * with those fields null — on the list and on one person.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { people, users } from '../../src/db/schema/index.ts';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';

let t: TestApp;
let personId: string;
let staffPersonId: string;
const contact = { email: 'lien.he@thachha.gov.vn', phone: '0912345678', gender: 'female', birthYear: 1985 } as const;
const hidden = { email: null, phone: null, gender: null, birthYear: null };

beforeAll(async () => {
  t = await createTestApp();
  const unitId = await t.unitId('XA-THACHHAI');
  const res = await t.api
    .post('/api/v1/people')
    .set('authorization', await t.auth(DEMO.secretariat))
    .send({ unitId, fullName: 'Nguyễn Thị Liên Hệ', position: 'Công chức', ...contact });
  expect(res.status).toBe(201);
  personId = res.body.id;
  const [u] = await t.database.db.select().from(users).where(eq(users.email, DEMO.staff));
  staffPersonId = u!.personId!;
  await t.database.db.update(people).set({ phone: '0987000111' }).where(eq(people.id, staffPersonId));
});
afterAll(() => t.close());

async function seen(who: string, id: string) {
  const auth = await t.auth(who);
  const one = await t.api.get(`/api/v1/people/${id}`).set('authorization', auth);
  expect(one.status).toBe(200);
  const list = await t.api
    .get('/api/v1/people')
    .query({ q: one.body.fullName, pageSize: 100 })
    .set('authorization', auth);
  expect(list.status).toBe(200);
  const inList = list.body.items.find((p: { id: string }) => p.id === id);
  expect(inList).toBeDefined();
  return { one: one.body, inList };
}

describe("a person's contact data", () => {
  it.each([
    ['the observer', DEMO.observer],
    ["another unit's officer", DEMO.otherUnitOfficer],
    ['communications', DEMO.communications],
  ])('%s sees name, position and unit, contact fields null', async (_label, who) => {
    const { one, inList } = await seen(who, personId);
    for (const p of [one, inList]) {
      expect(p).toMatchObject({ fullName: 'Nguyễn Thị Liên Hệ', position: 'Công chức', ...hidden });
      expect(p.unitName).toBeTruthy();
    }
  });

  it.each([
    ["the unit's own head", DEMO.unitHead],
    ["the unit's own officer", DEMO.unitOfficer],
    ['the secretariat', DEMO.secretariat],
    ['the leader', DEMO.leader],
    ['the administrator', DEMO.admin],
  ])('%s sees the contact data', async (_label, who) => {
    const { one, inList } = await seen(who, personId);
    for (const p of [one, inList]) expect(p).toMatchObject(contact);
  });

  it('a staff member sees their own phone, and not a colleague’s', async () => {
    expect((await seen(DEMO.staff, staffPersonId)).one.phone).toBe('0987000111');
    const other = await seen(DEMO.staff, personId);
    expect(other.one).toMatchObject(hidden);
    expect(other.inList).toMatchObject(hidden);
  });
});
