/**
 * A campaign's attached files as its page uses them: the page reads each file's name and size
 * (GET /files/:id) and downloads it (GET /files/:id/content) for whoever may see the campaign; the
 * editor saves the list in order and takes files off again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdf } from '../files/fixtures.ts';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { binary, createDraft, etagOf, move, uploadPdf } from './support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const readers = ['unitOfficer', 'unitHead', 'staff', 'communications', 'reception', 'observer', 'leader'] as const;

describe("a published campaign's attached files", () => {
  it('every signed-in role that sees the campaign reads their names and downloads their bytes', async () => {
    const signed = await uploadPdf(t, DEMO.secretariat);
    const { id } = await createDraft(t, { attachmentFileIds: [signed] });
    await move(t, id, 'open');
    for (const who of readers) {
      const auth = await t.auth(DEMO[who]);
      const campaign = await t.api.get(`/api/v1/campaigns/${id}`).set('authorization', auth);
      expect(campaign.body.attachmentFileIds, who).toEqual([signed]);
      const meta = await t.api.get(`/api/v1/files/${signed}`).set('authorization', auth);
      expect(meta.status, who).toBe(200);
      expect(meta.body).toMatchObject({
        id: signed,
        name: 'ke-hoach-da-ky.pdf',
        size: pdf().length,
        unitId: null,
        attached: true,
      });
      const content = await t.api
        .get(`/api/v1/files/${signed}/content`)
        .set('authorization', auth)
        .buffer(true)
        .parse(binary);
      expect(content.status, who).toBe(200);
      expect(content.headers['content-disposition']).toContain('ke-hoach-da-ky.pdf');
      expect(Buffer.compare(content.body as Buffer, pdf()), who).toBe(0);
    }
  });

  it('the editor keeps the order it saves, and a file taken off is no longer readable by units and may be deleted', async () => {
    const first = await uploadPdf(t, DEMO.secretariat);
    const second = await uploadPdf(t, DEMO.secretariat);
    const { id } = await createDraft(t, { attachmentFileIds: [first, second] });
    await move(t, id, 'open');
    const office = await t.auth(DEMO.secretariat);
    const read = await t.api.get(`/api/v1/campaigns/${id}`).set('authorization', office);
    const reordered = await t.api
      .patch(`/api/v1/campaigns/${id}`)
      .set('authorization', office)
      .set('if-match', etagOf(read))
      .send({ attachmentFileIds: [second, first] });
    expect(reordered.status).toBe(200);
    expect(reordered.body.attachmentFileIds).toEqual([second, first]);

    const dropped = await t.api
      .patch(`/api/v1/campaigns/${id}`)
      .set('authorization', office)
      .set('if-match', etagOf(reordered))
      .send({ attachmentFileIds: [second] });
    expect(dropped.status).toBe(200);
    expect(dropped.body.attachmentFileIds).toEqual([second]);
    const unit = await t.auth(DEMO.unitOfficer);
    expect((await t.api.get(`/api/v1/files/${first}`).set('authorization', unit)).status).toBe(404);
    expect((await t.api.get(`/api/v1/files/${second}`).set('authorization', unit)).status).toBe(200);
    expect((await t.api.delete(`/api/v1/files/${first}`).set('authorization', office)).status).toBe(200);
    expect((await t.api.delete(`/api/v1/files/${second}`).set('authorization', office)).status).toBe(409);
  });
});
