/** Shared steps of the campaign tests: drafts made through the API, binary downloads, reading a DOCX back. */
import { unzipSync, strFromU8 } from 'fflate';
import { addDays, todayInVietnam } from '../../src/modules/campaigns/dates.ts';
import { pdf } from '../files/fixtures.ts';
import { DEMO, type TestApp } from '../helpers.ts';

export { binary } from '../files/fixtures.ts';

export const today = () => todayInVietnam();
export { addDays };

export const BUNDLED = 'bundled-cchc-2022';

/** A ratio criterion ready to post. */
export const ratioCriterion = {
  code: '1.2.a.8',
  target: 'collective',
  group: 'specific',
  title: 'Trên 30 % thủ tục hành chính mức độ 3, mức độ 4 có phát sinh hồ sơ',
  kind: 'ratio',
  comparator: 'gt',
  threshold: 30,
} as const;

/** A draft made by the standing office, with one criterion unless `criteria: false`; running from a week ago for two months. */
export async function createDraft(
  t: TestApp,
  overrides: Record<string, unknown> = {},
  opts: { criteria?: boolean } = {},
): Promise<{ id: string; etag: string; body: Record<string, unknown> }> {
  const auth = await t.auth(DEMO.secretariat);
  const res = await t.api
    .post('/api/v1/campaigns')
    .set('authorization', auth)
    .send({
      number: '/KH-UBND',
      title: 'Phát động phong trào thi đua chuyển đổi số',
      startsOn: addDays(today(), -7),
      endsOn: addDays(today(), 60),
      participants: { kinds: ['commune'], unitIds: [], individualsTakePart: false },
      ...overrides,
    });
  if (res.status !== 201) throw new Error(`create: ${res.status} ${res.text}`);
  if (opts.criteria !== false) {
    const c = await t.api
      .post(`/api/v1/campaigns/${res.body.id}/criteria`)
      .set('authorization', auth)
      .send(ratioCriterion);
    if (c.status !== 201) throw new Error(`criterion: ${c.status} ${c.text}`);
  }
  const read = await t.api.get(`/api/v1/campaigns/${res.body.id}`).set('authorization', auth);
  return { id: res.body.id, etag: etagOf(read), body: read.body };
}

/** The ETag of a response, which every read and write of a versioned resource carries. */
export function etagOf(res: { headers: Record<string, string | undefined> }): string {
  const value = res.headers.etag;
  if (!value) throw new Error('the response has no ETag');
  return value;
}

/** Moves a campaign through the given actions as the standing office, failing loudly if one is refused. */
export async function move(t: TestApp, id: string, ...actions: string[]): Promise<void> {
  for (const action of actions) {
    const res = await t.api
      .post(`/api/v1/campaigns/${id}/${action}`)
      .set('authorization', await t.auth(DEMO.secretariat));
    if (res.status !== 200) throw new Error(`${action}: ${res.status} ${res.text}`);
  }
}

/** The text of a DOCX's body, paragraph by paragraph (word/document.xml read out of the zip). */
export function docxParagraphs(content: Buffer): string[] {
  const files = unzipSync(new Uint8Array(content));
  const xml = strFromU8(files['word/document.xml']!);
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    decode([...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
  );
}

/** Uploads a small PDF as `who` (for `unitId`, or the uploader's own unit / the authority) and returns its id. */
export async function uploadPdf(t: TestApp, who: string, unitId?: string): Promise<string> {
  let req = t.api.post('/api/v1/files').set('authorization', await t.auth(who));
  if (unitId) req = req.field('unitId', unitId);
  const res = await req.attach('file', pdf(), { filename: 'ke-hoach-da-ky.pdf', contentType: 'application/pdf' });
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${res.text}`);
  return res.body.id as string;
}
