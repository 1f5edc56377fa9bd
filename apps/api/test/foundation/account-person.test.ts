/**
 * An account linked to its staff record (the person whose individual self-assessments it writes):
 * the administrator links, changes and removes the link; a person that does not exist or already
 * belongs to another account is refused under the field, and nothing changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { expectProblem } from './support.ts';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.auth(DEMO.admin);
});
afterAll(() => t.close());

async function personNamed(q: string): Promise<string> {
  const res = await t.api.get('/api/v1/people').query({ q, searchIn: 'all', pageSize: 1 }).set('authorization', admin);
  expect(res.body.items.length, `no person for "${q}"`).toBe(1);
  return res.body.items[0].id as string;
}

async function newAccount(personId?: string) {
  const res = await t.api
    .post('/api/v1/users')
    .set('authorization', admin)
    .send({
      email: `lien.ket.${Date.now()}.${Math.random().toString(36).slice(2, 6)}@thachha.gov.vn`,
      fullName: 'Tài khoản thử liên kết',
      password: 'Lien-ket-Thach-Ha-2022',
      mustChangePassword: false,
      roles: [{ role: 'observer' }],
      ...(personId ? { personId } : {}),
    });
  return res;
}

const patch = async (id: string, body: Record<string, unknown>) => {
  const current = await t.api.get(`/api/v1/users/${id}`).set('authorization', admin);
  return t.api
    .patch(`/api/v1/users/${id}`)
    .set('authorization', admin)
    .set('if-match', current.headers.etag as string)
    .send(body);
};

describe('linking an account to a staff member', () => {
  it('links on creation, and the link is read back', async () => {
    const personId = await personNamed('dang kim trang');
    const created = await newAccount(personId);
    expect(created.status, created.text).toBe(201);
    expect(created.body.personId).toBe(personId);
    expect((await t.api.get(`/api/v1/users/${created.body.id}`).set('authorization', admin)).body.personId).toBe(
      personId,
    );
  });

  it('a person already linked to another account is refused (409 under personId), on creation and on change', async () => {
    const first = await newAccount();
    const second = await newAccount();
    const personId = await personNamed('nguyen huu dung cong chuc tu phap');
    expect((await patch(first.body.id, { personId })).status).toBe(200);
    const taken = await patch(second.body.id, { personId });
    expectProblem(taken, 409, 'user.person_taken');
    expect(taken.body.errors).toEqual([expect.objectContaining({ field: '/personId', code: 'user.person_taken' })]);
    expectProblem(await newAccount(personId), 409, 'user.person_taken');
    expect((await t.api.get(`/api/v1/users/${second.body.id}`).set('authorization', admin)).body.personId).toBeNull();
    // The same account keeping its own person is no conflict; removing the link frees the person.
    expect((await patch(first.body.id, { personId, fullName: 'Đổi tên vẫn giữ liên kết' })).status).toBe(200);
    expect((await patch(first.body.id, { personId: null })).body.personId).toBeNull();
    expect((await patch(second.body.id, { personId })).body.personId).toBe(personId);
  });

  it('a person that does not exist is refused (400 under personId)', async () => {
    const account = await newAccount();
    const res = await patch(account.body.id, { personId: 'pe_khong_co' });
    expectProblem(res, 400, 'user.person_not_found');
    expect(res.body.errors).toEqual([expect.objectContaining({ field: '/personId' })]);
  });
});
