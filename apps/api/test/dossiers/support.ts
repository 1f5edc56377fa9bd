/** Calls of the dossier tests: create, documents (upload / draft), submit, read a DOCX back. */
import { binary, docxParagraphs } from '../campaigns/support.ts';
import type { TestApp } from '../helpers.ts';
import { uploadPdf } from '../submissions/support.ts';

export async function createDossier(t: TestApp, who: string, campaignId: string, body: Record<string, unknown>) {
  return t.api
    .post(`/api/v1/campaigns/${campaignId}/dossiers`)
    .set('authorization', await t.auth(who))
    .send(body);
}

export async function uploadDocument(t: TestApp, who: string, id: string, kind: string, name = `${kind}.pdf`) {
  const fileId = await uploadPdf(t, who as never, name);
  return t.api
    .put(`/api/v1/dossiers/${id}/documents/${kind}`)
    .set('authorization', await t.auth(who))
    .send({ fileId });
}

export async function draftDocument(
  t: TestApp,
  who: string,
  id: string,
  kind: string,
  body: Record<string, unknown> = {},
) {
  return t.api
    .post(`/api/v1/dossiers/${id}/documents/${kind}/draft`)
    .set('authorization', await t.auth(who))
    .send(body);
}

export async function submit(t: TestApp, who: string, id: string) {
  return t.api
    .post(`/api/v1/dossiers/${id}/submit`)
    .set('authorization', await t.auth(who))
    .send({});
}

export async function getDossier(t: TestApp, who: string, id: string) {
  return t.api.get(`/api/v1/dossiers/${id}`).set('authorization', await t.auth(who));
}

/** The paragraphs of a file read back as `who`. */
export async function fileParagraphs(t: TestApp, who: string, fileId: string): Promise<string[]> {
  const res = await t.api
    .get(`/api/v1/files/${fileId}/content`)
    .set('authorization', await t.auth(who))
    .buffer(true)
    .parse(binary);
  if (res.status !== 200) throw new Error(`file ${fileId}: ${res.status} ${res.text}`);
  return docxParagraphs(res.body as Buffer);
}

/** All three documents, uploaded (for tests of the submit refusals). */
export async function addAllDocuments(
  t: TestApp,
  who: string,
  id: string,
  kinds = ['proposal_letter', 'achievement_report', 'meeting_minutes'],
) {
  for (const kind of kinds) {
    const res = await uploadDocument(t, who, id, kind);
    if (res.status !== 200) throw new Error(`document ${kind}: ${res.status} ${res.text}`);
  }
}
