/**
 * Whose space an upload goes into ('file.upload' for the authority's own files, 'file.upload_unit'
 * for a unit's space): communications uploads the authority's files only; the offices that work on
 * units' records (secretariat, reception, leader) and the unit's own members upload into a unit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { files } from '../../src/db/schema/index.ts';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { pdf } from './fixtures.ts';

let t: TestApp;
let thachHai: string;
beforeAll(async () => {
  t = await createTestApp();
  thachHai = await t.unitId('XA-THACHHAI');
});
afterAll(() => t.close());

async function upload(who: string, unitId?: string) {
  let req = t.api.post('/api/v1/files').set('authorization', await t.auth(who));
  if (unitId) req = req.field('unitId', unitId);
  return req.attach('file', pdf(), { filename: 'x.pdf', contentType: 'application/pdf' });
}
async function fileCount() {
  const [row] = await t.database.db.select({ n: count() }).from(files);
  return row!.n;
}

describe("uploading into a unit's space", () => {
  it("communications with a unit's id is refused (403) and nothing is stored", async () => {
    const before = await fileCount();
    const res = await upload(DEMO.communications, thachHai);
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(await fileCount()).toBe(before);
  });

  it("communications without a unit uploads the authority's own file (201)", async () => {
    const res = await upload(DEMO.communications);
    expect(res.status).toBe(201);
    expect(res.body.unitId).toBeNull();
  });

  it.each([
    ['the secretariat', DEMO.secretariat],
    ['reception', DEMO.reception],
    ['the leader', DEMO.leader],
    ['the administrator', DEMO.admin],
    ["the unit's officer", DEMO.unitOfficer],
  ])("%s uploads into the unit's space (201)", async (_label, who) => {
    const res = await upload(who, thachHai);
    expect(res.status).toBe(201);
    expect(res.body.unitId).toBe(thachHai);
  });
});
