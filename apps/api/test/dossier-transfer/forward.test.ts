/**
 * Proposals upward within one installation: a commune's approved dossier for a Bằng khen of the
 * provincial chairman is forwarded to the province (copy submitted there with the same documents,
 * original forwarded, one transaction, audited), the refusals (not needed, no higher authority,
 * blocked nominee, wrong state, stale version, roles), and the chain as the commune reads it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { auditEvents, dossierDocuments, dossiers } from '../../src/db/schema/index.ts';
import { makeAccount, makeUnit, unique } from '../factories.ts';
import { createTestApp, type TestApp } from '../helpers.ts';
import {
  approvedDossier,
  blockUnit,
  closedCampaignOf,
  GIAY_KHEN_COLLECTIVE,
  makeProvince,
  type Province,
} from './support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function forward(p: Province, id: string, auth = p.communeSecretariat.auth, ifMatch?: string) {
  const req = t.api.post(`/api/v1/dossiers/${id}/forward`).set('authorization', auth);
  return ifMatch === undefined
    ? req.set('if-match', '"v1"').send({})
    : ifMatch
      ? req.set('if-match', ifMatch).send({})
      : req.send({});
}

async function dossiersAt(authorityUnitId: string) {
  const [r] = await t.database.db
    .select({ n: count() })
    .from(dossiers)
    .where(eq(dossiers.authorityUnitId, authorityUnitId));
  return r!.n;
}

async function statusOf(id: string) {
  const [r] = await t.database.db.select().from(dossiers).where(eq(dossiers.id, id));
  return r!;
}

describe('forwarding an approved dossier upward', () => {
  it('creates the copy submitted at the province with the same documents and forwards the original', async () => {
    const p = await makeProvince(t);
    const d = await approvedDossier(t, p);
    const res = await forward(p, d.id);
    expect(res.status, res.text).toBe(200);
    expect(res.body.original).toMatchObject({ id: d.id, status: 'forwarded', version: 2 });
    expect(res.headers.etag).toBe('"v2"');
    expect(res.body.copy).toMatchObject({ authorityUnitId: p.province.id, status: 'submitted' });

    const original = await statusOf(d.id);
    expect(original.status).toBe('forwarded');
    expect(original.forwardedToId).toBe(res.body.copy.id);
    const copy = await statusOf(res.body.copy.id);
    expect(copy).toMatchObject({
      campaignId: p.campaign.id,
      authorityUnitId: p.province.id,
      unitId: p.school.id,
      personId: null,
      awardTypeId: 'awt_bang_khen_collective',
      achievement: original.achievement,
      status: 'submitted',
      forwardedFromId: d.id,
    });
    expect(copy.submittedAt).not.toBeNull();
    const docs = await t.database.db.select().from(dossierDocuments).where(eq(dossierDocuments.dossierId, copy.id));
    expect(docs.map((x) => x.fileId).sort()).toEqual([...d.fileIds].sort());

    const audit = await t.database.db
      .select({ action: auditEvents.action, objectId: auditEvents.objectId })
      .from(auditEvents)
      .where(and(eq(auditEvents.objectType, 'dossier')));
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'dossier.forward', objectId: d.id },
        { action: 'dossier.receive_forwarded', objectId: copy.id },
      ]),
    );

    // The province's desk sees it in its queue, and its people read the documents.
    const queue = await t.api.get('/api/v1/reception/dossiers').set('authorization', p.provinceReception.auth);
    expect(queue.status, queue.text).toBe(200);
    expect(queue.body.items.map((x: { id: string }) => x.id)).toContain(copy.id);
    for (const fileId of d.fileIds) {
      const file = await t.api.get(`/api/v1/files/${fileId}`).set('authorization', p.provinceReception.auth);
      expect(file.status).toBe(200);
    }

    // Forwarding twice: the original is no longer approved.
    const again = await forward(p, d.id, p.communeSecretariat.auth, '"v2"');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('dossier.illegal_transition');
    expect(await dossiersAt(p.province.id)).toBe(1);
  });

  it('shows the commune the chain: authority names, statuses, receipt number', async () => {
    const p = await makeProvince(t);
    const d = await approvedDossier(t, p);
    const before = await t.api.get(`/api/v1/dossiers/${d.id}/forwarding`).set('authorization', p.schoolHead.auth);
    expect(before.status, before.text).toBe(200);
    expect(before.body.steps).toHaveLength(1);
    expect(before.body.target).toMatchObject({ needed: true, authorityUnitId: p.province.id });

    const res = await forward(p, d.id);
    expect(res.status).toBe(200);
    await t.database.db
      .update(dossiers)
      .set({ status: 'received', receiptNumber: '07/TN-UBND', receivedAt: new Date() })
      .where(eq(dossiers.id, res.body.copy.id));

    for (const auth of [p.schoolHead.auth, p.communeSecretariat.auth, p.provinceSecretariat.auth]) {
      const chain = await t.api.get(`/api/v1/dossiers/${d.id}/forwarding`).set('authorization', auth);
      expect(chain.status, chain.text).toBe(200);
      expect(chain.body.steps).toHaveLength(2);
      expect(chain.body.steps[0]).toMatchObject({
        dossierId: d.id,
        authorityUnitId: p.commune.id,
        status: 'forwarded',
      });
      expect(chain.body.steps[0].forwardedAt).not.toBeNull();
      expect(chain.body.steps[1]).toMatchObject({
        dossierId: res.body.copy.id,
        authorityUnitId: p.province.id,
        status: 'received',
        receiptNumber: '07/TN-UBND',
        decisionNumber: null,
      });
      expect(chain.body.steps[1].authorityName).toMatch(/^UBND tỉnh/);
      expect(chain.body.target).toBeNull();
    }
    // Read from the copy's end, the same chain.
    const fromCopy = await t.api
      .get(`/api/v1/dossiers/${res.body.copy.id}/forwarding`)
      .set('authorization', p.schoolHead.auth);
    expect(fromCopy.body.steps.map((s: { dossierId: string }) => s.dossierId)).toEqual([d.id, res.body.copy.id]);

    // Another unit's head does not see that the dossier exists.
    const other = await makeUnit(t, { parentId: p.commune.id, kind: 'other' });
    const stranger = await makeAccount(t, 'unit_head', other.id);
    const hidden = await t.api.get(`/api/v1/dossiers/${d.id}/forwarding`).set('authorization', stranger.auth);
    expect(hidden.status).toBe(404);
  });
});

describe('refusals', () => {
  it('409 forward_not_needed when the commune may grant the award itself', async () => {
    const p = await makeProvince(t);
    const d = await approvedDossier(t, p, { awardTypeId: GIAY_KHEN_COLLECTIVE });
    const res = await forward(p, d.id);
    expect(res.status, res.text).toBe(409);
    expect(res.body.code).toBe('dossier.forward_not_needed');
    expect(res.body.detail ?? res.body.title).toMatch(/Điều 80/);
    expect((await statusOf(d.id)).status).toBe('approved');
    expect(await dossiersAt(p.province.id)).toBe(0);
  });

  it('422 no_higher_authority (citing the law) for a commune with no authority above it', async () => {
    const p = await makeProvince(t);
    const lone = await makeUnit(t, { parentId: null, kind: 'commune', name: `UBND xã ${unique('L')}` });
    const school = await makeUnit(t, { parentId: lone.id, kind: 'public_service' });
    const campaign = await closedCampaignOf(t, lone.id);
    const secretariat = await makeAccount(t, 'secretariat', lone.id);
    const head = await makeAccount(t, 'unit_head', school.id);
    const d = await approvedDossier(t, {
      ...p,
      commune: lone,
      school,
      campaign,
      schoolHead: head,
      communeSecretariat: secretariat,
    });
    const res = await forward({ ...p, communeSecretariat: secretariat }, d.id);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('dossier.no_higher_authority');
    expect(JSON.stringify(res.body)).toMatch(/Điều 80 Luật Thi đua, khen thưởng/);
    expect((await statusOf(d.id)).status).toBe('approved');
  });

  it('409 nominee_blocked when an open blocker stands on the nominee', async () => {
    const p = await makeProvince(t);
    const d = await approvedDossier(t, p);
    await blockUnit(t, p.school.id);
    const res = await forward(p, d.id);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('dossier.nominee_blocked');
    expect(res.body.detail).toContain('Đang thanh tra việc sử dụng ngân sách.');
    expect((await statusOf(d.id)).status).toBe('approved');
    expect(await dossiersAt(p.province.id)).toBe(0);
  });

  it('409 illegal_transition for a dossier not approved; 412 on a stale version; 428 without If-Match', async () => {
    const p = await makeProvince(t);
    const inReview = await approvedDossier(t, p, { status: 'in_review' });
    const res = await forward(p, inReview.id);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('dossier.illegal_transition');

    const p2 = await makeProvince(t);
    const d = await approvedDossier(t, p2);
    const stale = await forward(p2, d.id, p2.communeSecretariat.auth, '"v7"');
    expect(stale.status).toBe(412);
    const none = await forward(p2, d.id, p2.communeSecretariat.auth, '');
    expect(none.status).toBe(428);
    expect((await statusOf(d.id)).status).toBe('approved');
    expect(await dossiersAt(p2.province.id)).toBe(0);
  });

  it('refuses the unit, the desk, and another commune’s office', async () => {
    const p = await makeProvince(t);
    const d = await approvedDossier(t, p);
    const head = await forward(p, d.id, p.schoolHead.auth);
    expect(head.status).toBe(403);
    const desk = await forward(p, d.id, p.provinceReception.auth);
    expect(desk.status).toBe(403);
    const other = await makeProvince(t);
    const stranger = await forward(p, d.id, other.communeSecretariat.auth);
    expect(stranger.status).toBe(404);
    expect((await statusOf(d.id)).status).toBe('approved');
    expect(await dossiersAt(p.province.id)).toBe(0);
  });
});
