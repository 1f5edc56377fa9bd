/**
 * The bell: each account reads and marks only its own notifications (another's answers 404 and
 * stays unread), unread ones first with the unread count; the administrator reads the e-mail outbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { notifications } from '../../src/db/schema/index.ts';
import { newId } from '../../src/lib/ids.ts';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { makeAccount, makeUnit } from '../factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Notifications for an account, oldest first, one minute apart. */
async function notify(userId: string, titles: string[]) {
  const ids: string[] = [];
  const start = Date.now() - titles.length * 60_000;
  for (const [i, title] of titles.entries()) {
    const id = newId('nt');
    ids.push(id);
    await t.database.db.insert(notifications).values({
      id,
      userId,
      kind: 'reminder',
      title,
      body: `Nội dung: ${title}`,
      link: '/cua-toi',
      createdAt: new Date(start + i * 60_000),
    });
  }
  return ids;
}

async function twoOfficers() {
  const unit = await makeUnit(t, { kind: 'commune' });
  return [await makeAccount(t, 'unit_officer', unit.id), await makeAccount(t, 'unit_officer', unit.id)] as const;
}

describe('the bell', () => {
  it('lists only the own notifications, unread first, with the unread count; read and read-all change the count', async () => {
    const [me, other] = await twoOfficers();
    const [oldest, middle, newest] = await notify(me.id, ['Thứ nhất', 'Thứ hai', 'Thứ ba']);
    await notify(other.id, ['Của người khác']);

    const first = await t.api.get('/api/v1/notifications').set('authorization', me.auth);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: 3, unreadCount: 3 });
    expect(first.body.items.map((n: { id: string }) => n.id)).toEqual([newest, middle, oldest]);

    const read = await t.api.post(`/api/v1/notifications/${newest}/read`).set('authorization', me.auth);
    expect(read.status).toBe(200);
    expect(read.body.readAt).not.toBeNull();
    // Reading again keeps the first reading time.
    const again = await t.api.post(`/api/v1/notifications/${newest}/read`).set('authorization', me.auth);
    expect(again.body.readAt).toBe(read.body.readAt);

    const unreadFirst = await t.api.get('/api/v1/notifications').set('authorization', me.auth);
    expect(unreadFirst.body.unreadCount).toBe(2);
    expect(unreadFirst.body.items.map((n: { id: string }) => n.id)).toEqual([middle, oldest, newest]);
    const newestFirst = await t.api.get('/api/v1/notifications?order=newest').set('authorization', me.auth);
    expect(newestFirst.body.items.map((n: { id: string }) => n.id)).toEqual([newest, middle, oldest]);
    const onlyUnread = await t.api.get('/api/v1/notifications?unread=true&pageSize=1').set('authorization', me.auth);
    expect(onlyUnread.body).toMatchObject({ total: 2, unreadCount: 2, pageSize: 1 });
    expect(onlyUnread.body.items.map((n: { id: string }) => n.id)).toEqual([middle]);

    const all = await t.api.post('/api/v1/notifications/read-all').set('authorization', me.auth);
    expect(all.status).toBe(200);
    expect(all.body).toEqual({ marked: 2, unreadCount: 0 });
    // The other account's notification is untouched.
    expect((await t.api.get('/api/v1/notifications').set('authorization', other.auth)).body.unreadCount).toBe(1);
  });

  it("another account's notification answers 404 and stays unread", async () => {
    const [me, other] = await twoOfficers();
    const [theirs] = await notify(other.id, ['Riêng tư']);
    const res = await t.api.post(`/api/v1/notifications/${theirs}/read`).set('authorization', me.auth);
    expect(res.status).toBe(404);
    const [row] = await t.database.db.select().from(notifications).where(eq(notifications.id, theirs!));
    expect(row!.readAt).toBeNull();
    const admin = await t.api
      .post(`/api/v1/notifications/${theirs}/read`)
      .set('authorization', await t.auth(DEMO.admin));
    expect(admin.status).toBe(404);
    expect((await t.api.get('/api/v1/notifications').set('authorization', me.auth)).body.total).toBe(0);
    expect((await t.api.get('/api/v1/notifications')).status).toBe(401);
  });
});

describe('the e-mail outbox', () => {
  it('the administrator reads it; the office may not', async () => {
    const admin = await t.api.get('/api/v1/email-outbox').set('authorization', await t.auth(DEMO.admin));
    expect(admin.status).toBe(200);
    expect(admin.body).toMatchObject({ page: 1, pageSize: 20, total: expect.any(Number) });
    const office = await t.api.get('/api/v1/email-outbox').set('authorization', await t.auth(DEMO.secretariat));
    expect(office.status).toBe(403);
  });
});
