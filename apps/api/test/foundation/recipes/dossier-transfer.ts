/**
 * Recipes of the real access matrix for proposals upward: forward, the chain, the package export
 * and the desk's import of a package.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { strToU8, zipSync } from 'fflate';
import { DOSSIER_PACKAGE_FORMAT, type DossierPackageManifest } from '@thidua/contract';
import { awardSettings, campaigns, dossierDocuments, dossiers, users } from '../../../src/db/schema/index.ts';
import { newId } from '../../../src/lib/ids.ts';
import { addDays } from '../../../src/modules/campaigns/dates.ts';
import { pdf } from '../../files/fixtures.ts';
import { DEMO } from '../../helpers.ts';
import type { AreaRecipes } from '../access-recipes.ts';

export const dossierTransferRecipes: AreaRecipes = async (kit) => {
  const { t, xa, root, ADMIN } = kit;
  const db = t.database.db;
  const [staff] = await db.select({ personId: users.personId }).from(users).where(eq(users.email, DEMO.staff));
  const staffPerson = staff!.personId!;
  let closed: Promise<string> | undefined;
  const closedCampaign = () => (closed ??= kit.campaign('closed').then((c) => c.id));

  /** A rejected dossier of the staff member of XA-THACHHAI (read by every role that reads dossiers), with a document. */
  async function readable(): Promise<string> {
    const id = newId('ds');
    await db.insert(dossiers).values({
      id,
      campaignId: await closedCampaign(),
      authorityUnitId: root,
      nomineeKind: 'person',
      unitId: xa,
      personId: staffPerson,
      awardTypeId: 'awt_giay_khen_individual',
      status: 'rejected',
      submittedAt: new Date(),
    });
    const fileId = await kit.upload(ADMIN, xa);
    await db.insert(dossierDocuments).values({ dossierId: id, kind: 'proposal_letter', fileId, source: 'uploaded' });
    return id;
  }

  /**
   * A commune under UBND-TH that may not grant today (its level: the abolished district), with an
   * approved dossier of its own for a Giấy khen, which UBND-TH (commune level) may grant.
   */
  async function forwardable(): Promise<string> {
    const unit = await kit.ok(201, 'POST', '/api/v1/units', ADMIN, {
      parentId: root,
      code: kit.unique('XCT').toUpperCase(),
      name: `UBND xã ${kit.unique('chuyen')}`,
      kind: 'commune',
    });
    const communeId = unit.body.id as string;
    await db.insert(awardSettings).values({ authorityUnitId: communeId, grantorLevel: 'district' });
    const campaignId = newId('cp');
    const today = kit.today();
    await db.insert(campaigns).values({
      id: campaignId,
      number: '01/KH-UBND',
      title: 'Thi đua của xã',
      status: 'closed',
      authorityUnitId: communeId,
      startsOn: addDays(today, -60),
      endsOn: addDays(today, -5),
      submissionDeadline: addDays(today, -6),
      searchKey: 'thi dua cua xa',
    });
    const id = newId('ds');
    await db.insert(dossiers).values({
      id,
      campaignId,
      authorityUnitId: communeId,
      nomineeKind: 'unit',
      unitId: communeId,
      awardTypeId: 'awt_giay_khen_collective',
      status: 'approved',
      submittedAt: new Date(),
    });
    return id;
  }

  /** A package of one unit dossier (one PDF document) as another installation would send it. */
  function packageZip(): Buffer {
    const content = pdf();
    const path = 'proposal_letter/To trinh.pdf';
    const manifest: DossierPackageManifest = {
      formatVersion: DOSSIER_PACKAGE_FORMAT,
      exportedAt: new Date().toISOString(),
      sourceInstallation: 'https://thidua.example.gov.vn',
      sourceDossierId: 'ds_nguon',
      authority: { code: 'UBND-X', name: 'UBND xã Nguồn' },
      campaign: { title: 'Thi đua năm 2025', number: '01/KH-UBND' },
      nominee: { kind: 'unit', unitName: 'Trường Tiểu học Nguồn', personName: null },
      awardType: { code: 'giay_khen_collective', name: 'Giấy khen (tập thể)' },
      achievement: 'Hoàn thành xuất sắc nhiệm vụ.',
      receiptNumber: '03/TN-UBND',
      councilResult: null,
      documents: [
        {
          kind: 'proposal_letter',
          source: 'uploaded',
          name: 'To trinh.pdf',
          mediaType: 'application/pdf',
          size: content.length,
          sha256: createHash('sha256').update(content).digest('hex'),
          path,
        },
      ],
    };
    return Buffer.from(zipSync({ 'manifest.json': strToU8(JSON.stringify(manifest)), [path]: content }));
  }

  return {
    'POST /api/v1/dossiers/:id/forward': async () => ({
      url: `/api/v1/dossiers/${await forwardable()}/forward`,
      headers: { 'if-match': '"v1"' },
      body: {},
      table: dossiers,
    }),
    'GET /api/v1/dossiers/:id/forwarding': async () => ({ url: `/api/v1/dossiers/${await readable()}/forwarding` }),
    'GET /api/v1/dossiers/:id/package.zip': async () => ({ url: `/api/v1/dossiers/${await readable()}/package.zip` }),
    'POST /api/v1/reception/dossier-packages': async () => ({
      url: '/api/v1/reception/dossier-packages',
      multipart: {
        fields: { campaignId: (await kit.campaign('closed')).id, unitId: xa },
        file: { field: 'file', content: packageZip(), name: 'ho-so.zip', type: 'application/zip' },
      },
      table: dossiers,
    }),
  };
};
