/**
 * A province of its own (a root authority granting at the provincial level) with a commune under it
 * (level derived: commune) and a school under the commune; a closed campaign of the commune; the
 * accounts that act on them; and approved dossiers of the school with uploaded documents. The
 * campaign and the dossiers are written as rows: these tests are about what comes after the vote.
 */
import { awardBlockers, awardSettings, campaigns, dossierDocuments, dossiers } from '../../src/db/schema/index.ts';
import { newId } from '../../src/lib/ids.ts';
import { addDays, todayInVietnam } from '../../src/modules/campaigns/dates.ts';
import { makeAccount, makePerson, makeUnit, unique } from '../factories.ts';
import type { TestApp } from '../helpers.ts';
import { uploadPdf } from '../submissions/support.ts';

export const BANG_KHEN_COLLECTIVE = 'awt_bang_khen_collective';
export const BANG_KHEN_INDIVIDUAL = 'awt_bang_khen_individual';
export const GIAY_KHEN_COLLECTIVE = 'awt_giay_khen_collective';

/** A closed campaign of an authority, as a row. */
export async function closedCampaignOf(
  t: TestApp,
  authorityUnitId: string,
): Promise<{ id: string; title: string; number: string }> {
  const id = newId('cp');
  const title = `Thi đua cải cách hành chính ${unique('cc')}`;
  const number = `${Math.floor(Math.random() * 900) + 100}/KH-UBND`;
  const today = todayInVietnam();
  await t.database.db.insert(campaigns).values({
    id,
    number,
    title,
    status: 'closed',
    authorityUnitId,
    startsOn: addDays(today, -120),
    endsOn: addDays(today, -10),
    submissionDeadline: addDays(today, -15),
    dossierDeadline: addDays(today, 30),
    closedAt: new Date(),
    searchKey: title.toLowerCase(),
  });
  return { id, title, number };
}

export interface Province {
  province: { id: string; code: string };
  commune: { id: string; code: string };
  school: { id: string; code: string };
  campaign: { id: string; title: string; number: string };
  communeSecretariat: { email: string; auth: string };
  provinceSecretariat: { email: string; auth: string };
  provinceReception: { email: string; auth: string };
  schoolHead: { email: string; auth: string };
  person: { id: string; fullName: string };
}

export async function makeProvince(t: TestApp): Promise<Province> {
  const province = await makeUnit(t, { parentId: null, kind: 'authority', name: `UBND tỉnh ${unique('T')}` });
  await t.database.db.insert(awardSettings).values({
    authorityUnitId: province.id,
    grantorLevel: 'province',
    grantorTitle: 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH',
  });
  const commune = await makeUnit(t, { parentId: province.id, kind: 'commune', name: `UBND xã ${unique('X')}` });
  const school = await makeUnit(t, {
    parentId: commune.id,
    kind: 'public_service',
    name: `Trường Tiểu học ${unique('S')}`,
  });
  const person = await makePerson(t, school.id, `Nguyễn Thị Hoà ${unique('p')}`);
  return {
    province,
    commune,
    school,
    campaign: await closedCampaignOf(t, commune.id),
    communeSecretariat: await makeAccount(t, 'secretariat', commune.id),
    provinceSecretariat: await makeAccount(t, 'secretariat', province.id),
    provinceReception: await makeAccount(t, 'reception', province.id),
    schoolHead: await makeAccount(t, 'unit_head', school.id),
    person,
  };
}

/** An approved dossier of the school (or of its person) at the commune, with three uploaded PDFs. */
export async function approvedDossier(
  t: TestApp,
  p: Province,
  opts: { awardTypeId?: string; personId?: string; status?: string } = {},
): Promise<{ id: string; fileIds: string[] }> {
  const id = newId('ds');
  await t.database.db.insert(dossiers).values({
    id,
    campaignId: p.campaign.id,
    authorityUnitId: p.commune.id,
    nomineeKind: opts.personId ? 'person' : 'unit',
    unitId: p.school.id,
    personId: opts.personId ?? null,
    awardTypeId: opts.awardTypeId ?? BANG_KHEN_COLLECTIVE,
    achievement: 'Dẫn đầu phong trào thi đua dạy tốt, học tốt năm học 2025–2026.',
    status: opts.status ?? 'approved',
    submittedAt: new Date(),
    receivedAt: new Date(),
    receiptNumber: `${Math.floor(Math.random() * 900) + 100}/TN-UBND`,
  });
  const fileIds: string[] = [];
  for (const [kind, name] of [
    ['proposal_letter', 'Tờ trình đề nghị.pdf'],
    ['achievement_report', 'Báo cáo thành tích.pdf'],
    ['meeting_minutes', 'Biên bản họp xét.pdf'],
  ] as const) {
    const fileId = await uploadPdf(t, p.schoolHead.email as never, name);
    fileIds.push(fileId);
    await t.database.db.insert(dossierDocuments).values({ dossierId: id, kind, fileId, source: 'uploaded' });
  }
  return { id, fileIds };
}

export async function blockUnit(t: TestApp, unitId: string): Promise<void> {
  await t.database.db.insert(awardBlockers).values({
    id: newId('ab'),
    unitId,
    kind: 'inspection',
    reason: 'Đang thanh tra việc sử dụng ngân sách.',
    since: addDays(todayInVietnam(), -5),
  });
}
