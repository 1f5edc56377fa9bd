import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/db/schema/index.ts';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { addDays, createDraft, etagOf, move, today, uploadPdf } from './support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const post = async (id: string, action: string, who: string = DEMO.secretariat) =>
  t.api.post(`/api/v1/campaigns/${id}/${action}`).set('authorization', await t.auth(who));

/** A campaign brought to the given status along the legal path. */
async function campaignIn(
  status: 'draft' | 'open' | 'closed' | 'finalized' | 'archived',
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const { id } = await createDraft(t, overrides);
  const path = {
    draft: [],
    open: ['open'],
    closed: ['open', 'close'],
    finalized: ['open', 'close', 'finalize'],
    archived: ['open', 'close', 'finalize', 'archive'],
  }[status];
  await move(t, id, ...path);
  return id;
}

describe('the legal path draft → open → closed → (reopen) → finalized → archived', () => {
  it('the standing office launches, closes, reopens and closes again; a leader finalizes; the office archives', async () => {
    const { id } = await createDraft(t);
    const opened = await post(id, 'open');
    expect(opened.status).toBe(200);
    expect(opened.body.status).toBe('open');
    expect(opened.body.openedAt).toBeTruthy();
    expect(opened.headers.etag).toBe(`"v${opened.body.version}"`);

    const closed = await post(id, 'close');
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed' });
    expect(closed.body.closedAt).toBeTruthy();

    const reopened = await post(id, 'reopen');
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ status: 'open', closedAt: null });
    expect((await post(id, 'close')).status).toBe(200);

    const finalized = await post(id, 'finalize', DEMO.leader);
    expect(finalized.status).toBe(200);
    expect(finalized.body.status).toBe('finalized');

    const archived = await post(id, 'archive');
    expect(archived.status).toBe(200);
    expect(archived.body.status).toBe('archived');

    const events = await t.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.objectType, 'campaign'), eq(auditEvents.objectId, id)))
      .orderBy(auditEvents.seq);
    expect(events.map((e) => e.action)).toEqual([
      'campaign.create',
      'campaign.open',
      'campaign.close',
      'campaign.reopen',
      'campaign.close',
      'campaign.finalize',
      'campaign.archive',
    ]);
  });

  it('an administrator may take every step too', async () => {
    const { id } = await createDraft(t);
    for (const action of ['open', 'close', 'finalize', 'archive'])
      expect((await post(id, action, DEMO.admin)).status).toBe(200);
  });
});

describe('illegal moves are 409 campaign.illegal_transition', () => {
  const legalFrom: Record<string, string> = {
    open: 'draft',
    close: 'open',
    reopen: 'closed',
    finalize: 'closed',
    archive: 'finalized',
  };
  const statuses = ['draft', 'open', 'closed', 'finalized', 'archived'] as const;
  for (const [action, from] of Object.entries(legalFrom)) {
    it(`"${action}" is refused from every status but ${from}`, async () => {
      for (const status of statuses.filter((s) => s !== from)) {
        const id = await campaignIn(status);
        const res = await post(id, action, DEMO.admin);
        expect(res.status, `${action} from ${status}`).toBe(409);
        expect(res.body.code).toBe('campaign.illegal_transition');
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        const after = await t.api.get(`/api/v1/campaigns/${id}`).set('authorization', await t.auth(DEMO.admin));
        expect(after.body.status, 'unchanged').toBe(status);
      }
    });
  }

  it('the message names the move and the status in Vietnamese, and in English on request', async () => {
    const id = await campaignIn('closed');
    const vi = await post(id, 'archive');
    expect(vi.body.detail).toBe('Không thể lưu trữ kế hoạch đang ở trạng thái "đã kết thúc".');
    const en = await t.api
      .post(`/api/v1/campaigns/${id}/archive`)
      .set('authorization', await t.auth(DEMO.secretariat))
      .set('accept-language', 'en');
    expect(en.body.detail).toBe('Cannot archive a campaign that is "closed".');
  });
});

describe('wrong roles are 403', () => {
  const allowed: Record<string, string[]> = {
    open: [DEMO.admin, DEMO.secretariat],
    close: [DEMO.admin, DEMO.secretariat],
    reopen: [DEMO.admin, DEMO.secretariat],
    finalize: [DEMO.admin, DEMO.secretariat, DEMO.leader],
    archive: [DEMO.admin, DEMO.secretariat],
  };
  const from: Record<string, 'draft' | 'open' | 'closed' | 'finalized'> = {
    open: 'draft',
    close: 'open',
    reopen: 'closed',
    finalize: 'closed',
    archive: 'finalized',
  };
  for (const [action, roles] of Object.entries(allowed)) {
    it(`only ${roles.join(', ')} may ${action}`, async () => {
      const id = await campaignIn(from[action]!);
      for (const who of Object.values(DEMO).filter((w) => !roles.includes(w))) {
        const res = await post(id, action, who);
        expect(res.status, `${who} ${action}`).toBe(403);
      }
      const anonymous = await t.api.post(`/api/v1/campaigns/${id}/${action}`);
      expect(anonymous.status).toBe(401);
    });
  }
});

describe('conditions of each move', () => {
  it('a draft without criteria cannot be launched', async () => {
    const { id } = await createDraft(t, {}, { criteria: false });
    const res = await post(id, 'open');
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('campaign.no_criteria');
  });

  it('a draft naming no participants cannot be launched', async () => {
    const { id } = await createDraft(t, { participants: { kinds: [], unitIds: [], individualsTakePart: false } });
    const res = await post(id, 'open');
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('campaign.no_participants');
  });

  it('a campaign whose end date has passed cannot be launched', async () => {
    const { id } = await createDraft(t, { startsOn: addDays(today(), -30), endsOn: addDays(today(), -1) });
    const res = await post(id, 'open');
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('campaign.already_ended');
  });

  it('a closed campaign cannot be reopened after its self-assessment deadline', async () => {
    const id = await campaignIn('closed', { startsOn: addDays(today(), -30), endsOn: addDays(today(), 0) });
    // Move the deadline into the past as the office would by extending then shortening it: here directly in the data.
    const { campaigns } = await import('../../src/db/schema/index.ts');
    await t.database.db
      .update(campaigns)
      .set({ submissionDeadline: addDays(today(), -1), endsOn: addDays(today(), -1) })
      .where(eq(campaigns.id, id));
    const res = await post(id, 'reopen');
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('campaign.deadline_passed');
  });

  it('of concurrent launches of one draft, one succeeds and the others get 409, with one audit event', async () => {
    const { id } = await createDraft(t);
    const auth = await t.auth(DEMO.secretariat);
    const results = await Promise.all(
      [1, 2, 3, 4].map(() => t.api.post(`/api/v1/campaigns/${id}/open`).set('authorization', auth)),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.objectId, id), eq(auditEvents.action, 'campaign.open')));
    expect(events).toHaveLength(1);
  });
});

describe('reading, editing and deleting', () => {
  it('drafts are seen by the office, admins and leaders only; other roles get 404 and do not find them in lists', async () => {
    const { id } = await createDraft(t, { title: 'Kế hoạch nháp bí mật về thi đua' });
    for (const who of [DEMO.secretariat, DEMO.admin, DEMO.leader]) {
      expect((await t.api.get(`/api/v1/campaigns/${id}`).set('authorization', await t.auth(who))).status).toBe(200);
    }
    for (const who of [
      DEMO.unitOfficer,
      DEMO.unitHead,
      DEMO.staff,
      DEMO.observer,
      DEMO.reception,
      DEMO.communications,
    ]) {
      const auth = await t.auth(who);
      expect((await t.api.get(`/api/v1/campaigns/${id}`).set('authorization', auth)).status, who).toBe(404);
      expect((await t.api.get(`/api/v1/campaigns/${id}/criteria`).set('authorization', auth)).status, who).toBe(404);
      const list = await t.api.get('/api/v1/campaigns?q=bi mat').set('authorization', auth);
      expect(list.body.total, who).toBe(0);
    }
    const list = await t.api
      .get('/api/v1/campaigns?q=ke hoach nhap bi mat')
      .set('authorization', await t.auth(DEMO.secretariat));
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([id]);
  });

  it('lists filter by status and year, and search ignores diacritics', async () => {
    const auth = await t.auth(DEMO.unitOfficer);
    const open = await t.api
      .get(`/api/v1/campaigns?status=open&year=${Number(today().slice(0, 4))}`)
      .set('authorization', auth);
    expect(open.status).toBe(200);
    expect(open.body.items.every((c: { status: string }) => c.status === 'open')).toBe(true);
    const found = await t.api.get('/api/v1/campaigns?q=cai cach hanh chinh').set('authorization', auth);
    expect(
      found.body.items.some((c: { title: string }) =>
        c.title.startsWith('Phát động đợt thi đua cao điểm thực hiện Cải cách hành chính'),
      ),
    ).toBe(true);
  });

  it('a draft is changed with If-Match; without it 428, with a stale one 412', async () => {
    const { id, etag } = await createDraft(t);
    const auth = await t.auth(DEMO.secretariat);
    expect(
      (await t.api.patch(`/api/v1/campaigns/${id}`).set('authorization', auth).send({ title: 'Tên mới' })).status,
    ).toBe(428);
    const ok = await t.api
      .patch(`/api/v1/campaigns/${id}`)
      .set('authorization', auth)
      .set('if-match', etag)
      .send({ title: 'Tên mới', endsOn: addDays(today(), 90) });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      title: 'Tên mới',
      endsOn: addDays(today(), 90),
      submissionDeadline: addDays(today(), 90),
    });
    const stale = await t.api
      .patch(`/api/v1/campaigns/${id}`)
      .set('authorization', auth)
      .set('if-match', etag)
      .send({ title: 'Tên khác' });
    expect(stale.status).toBe(412);
  });

  it('dates out of order and read-only fields are refused with field errors', async () => {
    const { id, etag } = await createDraft(t);
    const auth = await t.auth(DEMO.secretariat);
    const res = await t.api
      .patch(`/api/v1/campaigns/${id}`)
      .set('authorization', auth)
      .set('if-match', etag)
      .send({ endsOn: addDays(today(), -30), dossierDeadline: addDays(today(), -40) });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['/endsOn', '/dossierDeadline']);
    const status = await t.api
      .patch(`/api/v1/campaigns/${id}`)
      .set('authorization', auth)
      .set('if-match', etag)
      .send({ status: 'open' });
    expect(status.status).toBe(400);
    expect(status.body.errors[0].field).toBe('/status');
  });

  it('once open, only the number, issue date, deadlines and attachments may change', async () => {
    const id = await campaignIn('open');
    const auth = await t.auth(DEMO.secretariat);
    const read = await t.api.get(`/api/v1/campaigns/${id}`).set('authorization', auth);
    const frozen = await t.api
      .patch(`/api/v1/campaigns/${id}`)
      .set('authorization', auth)
      .set('if-match', etagOf(read))
      .send({ title: 'Đổi tên', number: '12/KH-UBND' });
    expect(frozen.status).toBe(409);
    expect(frozen.body.code).toBe('campaign.field_frozen');
    expect(frozen.body.errors).toEqual([expect.objectContaining({ field: '/title' })]);
    const signed = await uploadPdf(t, DEMO.secretariat);
    const ok = await t.api
      .patch(`/api/v1/campaigns/${id}`)
      .set('authorization', auth)
      .set('if-match', etagOf(read))
      .send({
        number: '12/KH-UBND',
        issuedOn: addDays(today(), -8),
        submissionDeadline: addDays(today(), 70),
        attachmentFileIds: [signed],
      });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      number: '12/KH-UBND',
      submissionDeadline: addDays(today(), 70),
      attachmentFileIds: [signed],
    });
    // The signed plan is an authority file, read by anyone who sees the campaign, and kept while attached.
    expect(
      (await t.api.get(`/api/v1/files/${signed}`).set('authorization', await t.auth(DEMO.unitOfficer))).status,
    ).toBe(200);
    expect((await t.api.delete(`/api/v1/files/${signed}`).set('authorization', auth)).status).toBe(409);
  });

  it("a campaign's attachments must be files of the authority, not a unit's, nor unknown ids", async () => {
    const { id, etag } = await createDraft(t);
    const auth = await t.auth(DEMO.secretariat);
    const unitFile = await uploadPdf(t, DEMO.unitOfficer);
    const res = await t.api
      .patch(`/api/v1/campaigns/${id}`)
      .set('authorization', auth)
      .set('if-match', etag)
      .send({ attachmentFileIds: [unitFile, 'fi_khong_co'] });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string; code: string }) => `${e.field} ${e.code}`)).toEqual([
      '/attachmentFileIds/0 file.not_attachable',
      '/attachmentFileIds/1 file.not_attachable',
    ]);
  });

  it("a draft's attached plan is not readable by units until the campaign is published", async () => {
    const signed = await uploadPdf(t, DEMO.secretariat);
    const { id } = await createDraft(t, { attachmentFileIds: [signed] });
    expect(
      (await t.api.get(`/api/v1/files/${signed}`).set('authorization', await t.auth(DEMO.unitOfficer))).status,
    ).toBe(404);
    await move(t, id, 'open');
    expect(
      (await t.api.get(`/api/v1/files/${signed}`).set('authorization', await t.auth(DEMO.unitOfficer))).status,
    ).toBe(200);
  });

  it('a finalized campaign cannot be changed', async () => {
    const id = await campaignIn('finalized');
    const auth = await t.auth(DEMO.secretariat);
    const read = await t.api.get(`/api/v1/campaigns/${id}`).set('authorization', auth);
    const res = await t.api
      .patch(`/api/v1/campaigns/${id}`)
      .set('authorization', auth)
      .set('if-match', etagOf(read))
      .send({ number: '99/KH' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('campaign.not_editable');
  });

  it('only drafts can be deleted, with their criteria', async () => {
    const auth = await t.auth(DEMO.secretariat);
    const open = await campaignIn('open');
    expect((await t.api.delete(`/api/v1/campaigns/${open}`).set('authorization', auth)).status).toBe(409);
    const { id } = await createDraft(t);
    expect((await t.api.delete(`/api/v1/campaigns/${id}`).set('authorization', await t.auth(DEMO.leader))).status).toBe(
      403,
    );
    expect((await t.api.delete(`/api/v1/campaigns/${id}`).set('authorization', auth)).status).toBe(200);
    expect((await t.api.get(`/api/v1/campaigns/${id}`).set('authorization', auth)).status).toBe(404);
  });

  it('a campaign from scratch needs a title and an end date', async () => {
    const res = await t.api
      .post('/api/v1/campaigns')
      .set('authorization', await t.auth(DEMO.secretariat))
      .send({ number: '01/KH', startsOn: today() });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string; code: string }) => `${e.field} ${e.code}`)).toEqual([
      '/title campaign.title_required',
      '/endsOn campaign.ends_on_required',
    ]);
  });

  it('only the office and admins create campaigns', async () => {
    for (const who of [DEMO.leader, DEMO.unitOfficer, DEMO.observer]) {
      const res = await t.api
        .post('/api/v1/campaigns')
        .set('authorization', await t.auth(who))
        .send({ number: '01/KH', title: 'X', startsOn: today(), endsOn: today() });
      expect(res.status, who).toBe(403);
    }
  });
});
