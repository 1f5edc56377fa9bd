/** Makings of the reception tests: dossiers with their documents, and the desk's calls with the dossier's ETag. */
import { eq } from 'drizzle-orm';
import { DOSSIER_DOCUMENT_KINDS, REQUIRED_DOSSIER_DOCUMENTS, type DossierDocumentKind } from '@thidua/contract';
import { dossierDocuments, dossiers } from '../../src/db/schema/index.ts';
import { DEMO, type TestApp } from '../helpers.ts';
import { uploadPdf } from '../submissions/support.ts';

export { DOSSIER_DOCUMENT_KINDS };

/** Documents written straight into the dossier (one uploaded PDF of the unit's officer serves each kind). */
export async function addDocuments(
  t: TestApp,
  dossierId: string,
  kinds: readonly DossierDocumentKind[] = REQUIRED_DOSSIER_DOCUMENTS,
): Promise<void> {
  const fileId = await uploadPdf(t, DEMO.unitOfficer, 'ho-so-da-ky.pdf');
  const addedBy = await t.userId(DEMO.unitOfficer);
  await t.database.db.insert(dossierDocuments).values(
    kinds.map((kind) => ({
      dossierId,
      kind,
      fileId,
      source: kind === 'proposal_letter' ? 'uploaded' : 'drafted',
      addedBy,
    })),
  );
}

export async function dossierEtag(t: TestApp, id: string): Promise<string> {
  const [row] = await t.database.db.select({ v: dossiers.version }).from(dossiers).where(eq(dossiers.id, id));
  return `"v${row!.v}"`;
}

export async function dossierRowOf(t: TestApp, id: string) {
  const [row] = await t.database.db.select().from(dossiers).where(eq(dossiers.id, id));
  return row!;
}

/** A desk action on the dossier with its current ETag, as `who` (an e-mail or an Authorization value). */
export async function deskCall(
  t: TestApp,
  who: string,
  method: 'post' | 'patch',
  id: string,
  action: 'receive' | 'return' | 'checklist',
  body: object = {},
) {
  const auth = who.startsWith('Bearer ') ? who : await t.auth(who);
  return t.api[method](`/api/v1/dossiers/${id}/${action}`)
    .set('authorization', auth)
    .set('if-match', await dossierEtag(t, id))
    .send(body);
}
