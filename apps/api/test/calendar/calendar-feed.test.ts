/**
 * The campaign calendar: an account makes a secret URL, subscribes to it from a calendar
 * application, and sees the dates of the campaigns it takes part in — read back with a real
 * iCalendar parser (ical.js). Replacing or revoking the URL ends the old one; only a hash of the
 * token is kept.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { auditEvents, calendarFeeds, campaigns } from '../../src/db/schema/index.ts';
import { addDays, todayInVietnam } from '../../src/modules/campaigns/dates.ts';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { makeAccount, makeCampaign, makeCommuneTeam, unique } from '../factories.ts';
import { move } from '../campaigns/support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const today = todayInVietnam();

/** Makes (or replaces) the calendar URL of the account behind `auth`. */
async function subscribe(auth: string): Promise<{ url: string; path: string; token: string; replaced: boolean }> {
  const res = await t.api.post('/api/v1/me/calendar-feed').set('authorization', auth);
  expect(res.status, res.text).toBe(201);
  const url = res.body.url as string;
  const path = new URL(url).pathname;
  const token = /\/calendar\/([A-Za-z0-9_-]+)\.ics$/.exec(path)![1]!;
  return { url, path, token, replaced: res.body.replaced };
}

/** Fetches a feed as a calendar application does: no sign-in, the URL is the credential. */
const fetchFeed = (path: string) => t.api.get(path);

interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  url: string | null;
  start: string;
  end: string;
  allDay: boolean;
}

function parse(text: string): { calendar: ICAL.Component; events: Map<string, ParsedEvent> } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = new Map<string, ParsedEvent>();
  for (const v of calendar.getAllSubcomponents('vevent')) {
    const e = new ICAL.Event(v);
    events.set(e.uid, {
      uid: e.uid,
      summary: e.summary,
      description: e.description,
      url: v.getFirstPropertyValue('url') as string | null,
      start: e.startDate.toString(),
      end: e.endDate.toString(),
      allDay: e.startDate.isDate && e.endDate.isDate,
    });
  }
  return { calendar, events };
}

const office = () => t.auth(DEMO.secretariat);

/** A campaign of Thạch Hà for communes (open unless said otherwise), with its own dates. */
async function campaign(opts: {
  title: string;
  status?: 'draft' | 'open';
  enrol?: string[];
  participants?: Record<string, unknown>;
  dossierDeadline?: string | null;
}) {
  return makeCampaign(t, {
    status: opts.status ?? 'open',
    enrol: opts.enrol ?? [],
    overrides: {
      title: opts.title,
      startsOn: addDays(today, -3),
      endsOn: addDays(today, 40),
      submissionDeadline: addDays(today, 30),
      dossierDeadline: opts.dossierDeadline === undefined ? addDays(today, 50) : opts.dossierDeadline,
      participants: opts.participants ?? { kinds: ['commune'], unitIds: [], individualsTakePart: false },
    },
  });
}

describe("a unit's calendar", () => {
  it("a unit officer subscribes and sees its unit's campaigns, with its own extended deadline, in a valid iCalendar", async () => {
    const team = await makeCommuneTeam(t);
    // A long title with the characters TEXT escapes, so that its lines fold and must unfold intact.
    const title = `Phong trào thi đua "Chuyển đổi số, cải cách hành chính; nâng cao chỉ số PAR\\SIPAS" ${unique('năm')}`;
    const ours = await campaign({ title, enrol: [team.unit.code] });
    const until = addDays(today, 37);
    const ext = await t.api
      .post(`/api/v1/campaigns/${ours.id}/deadline-extensions`)
      .set('authorization', await office())
      .send({ unitId: team.unit.id, until, reason: 'Đơn vị bị ảnh hưởng bởi bão.' });
    expect(ext.status, ext.text).toBe(201);
    const otherUnit = await makeCampaign(t, {
      status: 'open',
      overrides: {
        title: `Phong trào của Phòng Tư pháp ${unique('x')}`,
        participants: { kinds: [], unitIds: [await t.unitId('TP')], individualsTakePart: false },
      },
    });
    const draft = await campaign({ title: `Bản nháp ${unique('x')}`, status: 'draft' });
    const thanhSen = await otherAuthorityCampaign();

    const feed = await subscribe(team.officer.auth);
    expect(feed.replaced).toBe(false);
    expect(feed.token.length).toBeGreaterThanOrEqual(43); // 32 random bytes in base64url
    const res = await fetchFeed(feed.path);
    expect(res.status, res.text).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['cache-control']).toMatch(/^private/);
    const text = res.text;

    // RFC 5545 §3.1: CRLF line ends, physical lines of at most 75 octets, a character never cut.
    expect(text.endsWith('\r\n')).toBe(true);
    expect(/[^\r]\n/.test(text)).toBe(false);
    const physical = text.slice(0, -2).split('\r\n');
    for (const line of physical) {
      expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
      expect(line.includes('\uFFFD'), line).toBe(false);
    }
    const summary = physical.findIndex((l) => l.startsWith('SUMMARY:Hạn nộp báo cáo'));
    expect(physical[summary + 1]!.startsWith(' '), 'the long summary is folded').toBe(true);

    const { calendar, events } = parse(text);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBeTruthy();
    expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toContain('Lịch thi đua');

    const start = events.get(`${ours.id}-start@thidua`);
    const deadline = events.get(`${ours.id}-deadline@thidua`);
    const end = events.get(`${ours.id}-end@thidua`);
    const dossier = events.get(`${ours.id}-dossier@thidua`);
    expect(start).toMatchObject({ start: addDays(today, -3), end: addDays(today, -2), allDay: true });
    expect(start!.summary).toBe(`Bắt đầu phong trào: ${title}`);
    // The unit's own extension, not the campaign's deadline.
    expect(deadline).toMatchObject({ start: until, end: addDays(until, 1), allDay: true });
    expect(deadline!.summary).toBe(`Hạn nộp báo cáo tự đánh giá: ${title}`);
    expect(deadline!.description).toContain('gia hạn');
    expect(deadline!.description).toContain(`/phong-trao/${ours.id}`);
    expect(deadline!.url).toBe(`${feed.url.replace(/\/api\/v1\/.*$/, '')}/phong-trao/${ours.id}`);
    expect(end).toMatchObject({ start: addDays(today, 40), allDay: true });
    expect(end!.summary).toBe(`Kết thúc phong trào: ${title}`);
    expect(dossier).toMatchObject({ start: addDays(today, 50), allDay: true });
    expect(dossier!.summary).toBe(`Hạn nộp hồ sơ đề nghị khen thưởng: ${title}`);

    const campaignsIn = new Set([...events.keys()].map((uid) => uid.replace(/-\w+@thidua$/, '')));
    expect(campaignsIn.has(otherUnit.id), 'a campaign its unit does not take part in').toBe(false);
    expect(campaignsIn.has(draft.id), 'a draft').toBe(false);
    expect(campaignsIn.has(thanhSen), "another authority's campaign").toBe(false);
  });

  it("a staff member sees only campaigns that assess individuals; the office sees its authority's open and closed campaigns with their own deadline", async () => {
    const team = await makeCommuneTeam(t);
    const units = await campaign({ title: `Thi đua tập thể ${unique('x')}`, enrol: [team.unit.code] });
    const people = await campaign({
      title: `Thi đua cá nhân ${unique('x')}`,
      enrol: [team.unit.code],
      participants: { kinds: ['commune'], unitIds: [], individualsTakePart: true },
      dossierDeadline: null,
    });
    await t.api
      .post(`/api/v1/campaigns/${units.id}/deadline-extensions`)
      .set('authorization', await office())
      .send({ unitId: team.unit.id, until: addDays(today, 35), reason: 'Gia hạn cho đơn vị.' });
    const thanhSen = await otherAuthorityCampaign();
    // Closed: the dossier deadline may lie ahead, so it stays; finalized: over, so it goes.
    const closed = await campaign({ title: `Đã kết thúc ${unique('x')}` });
    await move(t, closed.id, 'close');
    const finalized = await campaign({ title: `Đã tổng kết ${unique('x')}` });
    await move(t, finalized.id, 'close', 'finalize');

    const staff = parse((await fetchFeed((await subscribe(team.staff.auth)).path)).text).events;
    expect(staff.has(`${people.id}-deadline@thidua`)).toBe(true);
    expect(staff.has(`${people.id}-dossier@thidua`), 'no dossier deadline set').toBe(false);
    expect(staff.has(`${units.id}-deadline@thidua`)).toBe(false);

    const secretariat = parse((await fetchFeed((await subscribe(await office())).path)).text).events;
    expect(secretariat.get(`${units.id}-deadline@thidua`)?.start).toBe(addDays(today, 30));
    expect(secretariat.has(`${people.id}-start@thidua`)).toBe(true);
    expect(secretariat.has(`${thanhSen}-start@thidua`)).toBe(false);
    expect(secretariat.has(`${closed.id}-dossier@thidua`)).toBe(true);
    expect(secretariat.has(`${finalized.id}-start@thidua`)).toBe(false);
  });
});

/** The ward's own open campaign in the demo data (the other authority, UBND-TS). */
async function otherAuthorityCampaign(): Promise<string> {
  const rows = await t.database.db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(eq(campaigns.authorityUnitId, await t.unitId('UBND-TS')), eq(campaigns.status, 'open')));
  if (!rows[0]) throw new Error('no open campaign of UBND-TS in the demo data');
  return rows[0].id;
}

describe('the secret URL', () => {
  it('is kept only as a hash; replacing it ends the old URL, revoking ends the new one', async () => {
    const account = await makeAccount(t, 'observer');
    const before = await t.api.get('/api/v1/me/calendar-feed').set('authorization', account.auth);
    expect(before.status).toBe(200);
    expect(before.body).toEqual({ active: false, createdAt: null, lastFetchedAt: null });

    const first = await subscribe(account.auth);
    const [row] = await t.database.db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, account.id));
    expect(row!.tokenHash).toBe(createHash('sha256').update(first.token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(first.token);
    const logged = await t.database.db.select().from(auditEvents).where(eq(auditEvents.objectId, row!.id));
    expect(logged).toHaveLength(1);
    expect(JSON.stringify(logged), 'the token is not in the audit log').not.toContain(first.token);

    expect((await fetchFeed(first.path)).status).toBe(200);
    const status = await t.api.get('/api/v1/me/calendar-feed').set('authorization', account.auth);
    expect(status.body.active).toBe(true);
    expect(status.body.createdAt).toBe(row!.createdAt.toISOString());
    expect(status.body.lastFetchedAt).not.toBeNull();

    const second = await subscribe(account.auth);
    expect(second.replaced).toBe(true);
    expect(second.token).not.toBe(first.token);
    const gone = await fetchFeed(first.path);
    expect(gone.status).toBe(404);
    expect(gone.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await fetchFeed(second.path)).status).toBe(200);

    const revoked = await t.api.delete('/api/v1/me/calendar-feed').set('authorization', account.auth);
    expect(revoked.status).toBe(200);
    expect((await fetchFeed(second.path)).status).toBe(404);
    expect((await t.api.get('/api/v1/me/calendar-feed').set('authorization', account.auth)).body.active).toBe(false);
    expect(await t.database.db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, account.id))).toEqual([]);
    // Revoking again is harmless.
    expect((await t.api.delete('/api/v1/me/calendar-feed').set('authorization', account.auth)).status).toBe(200);

    const actions = await t.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, account.id), eq(auditEvents.objectType, 'calendar_feed')))
      .orderBy(auditEvents.seq);
    expect(actions.map((a) => a.action)).toEqual([
      'calendar_feed.create',
      'calendar_feed.rotate',
      'calendar_feed.revoke',
    ]);
  });

  it('is built on the address the caller reached the API at, with a webcal: twin for calendar applications', async () => {
    const account = await makeAccount(t, 'observer');
    const res = await t.api
      .post('/api/v1/me/calendar-feed')
      .set('authorization', account.auth)
      .set('host', 'thidua.hatinh.gov.vn');
    expect(res.status, res.text).toBe(201);
    expect(res.body.url).toMatch(/^http:\/\/thidua\.hatinh\.gov\.vn\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(res.body.webcalUrl).toBe(res.body.url.replace(/^http:/, 'webcal:'));
    const feed = await t.api.get(new URL(res.body.url).pathname).set('host', 'thidua.hatinh.gov.vn');
    expect(feed.text).toMatch(/\r\nURL:http:\/\/thidua\.hatinh\.gov\.vn\/phong-trao\//);
  });

  it('answers 404 to a made-up token and to the URL of a disabled account', async () => {
    const account = await makeAccount(t, 'unit_officer', await t.unitId('XA-THACHHAI'));
    const feed = await subscribe(account.auth);
    expect((await fetchFeed(`/api/v1/calendar/${'A'.repeat(43)}.ics`)).status).toBe(404);
    expect((await fetchFeed(`/api/v1/calendar/${feed.token.slice(0, -1)}.ics`)).status).toBe(404);

    const admin = await t.auth(DEMO.admin);
    const read = await t.api.get(`/api/v1/users/${account.id}`).set('authorization', admin);
    const disabled = await t.api
      .patch(`/api/v1/users/${account.id}`)
      .set('authorization', admin)
      .set('if-match', read.headers['etag']!)
      .send({ disabled: true });
    expect(disabled.status, disabled.text).toBe(200);
    expect((await fetchFeed(feed.path)).status).toBe(404);
  });

  it('is rate limited per client: a burst of fetches gets 429 problem+json with Retry-After', async () => {
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof t.app.inject>> | undefined;
    for (let i = 0; i < 61; i++) {
      last = await t.app.inject({
        method: 'GET',
        url: `/api/v1/calendar/${'B'.repeat(43)}.ics`,
        remoteAddress: '203.0.113.7',
      });
      statuses.push(last.statusCode);
    }
    expect(statuses.slice(0, 60).every((s) => s === 404)).toBe(true);
    expect(statuses[60]).toBe(429);
    expect(last!.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
    // Another client is not held back.
    const other = await t.app.inject({ method: 'GET', url: `/api/v1/calendar/${'B'.repeat(43)}.ics` });
    expect(other.statusCode).toBe(404);
  });
});
