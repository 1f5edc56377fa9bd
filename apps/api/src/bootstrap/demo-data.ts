/**
 * Demo data: Thạch Hà district's People's Committee as the issuing authority, its offices, public
 * service units and communes (as in the 2022 plan), staff in each, one account per role, and the
 * seed campaign (demo-campaign.ts). Loaded in one transaction with bulk inserts and a few summary
 * audit events rather than one per row, so a first start stays fast.
 */
import type { RoleName } from '@thidua/contract';
import type { Db } from '../db/client.ts';
import { awardSettings, people, units, userRoles, users } from '../db/schema/index.ts';
import { newId } from '../lib/ids.ts';
import { searchKey } from '../lib/search.ts';
import { recordAudit } from '../modules/audit/index.ts';
import { hashPassword } from '../modules/auth/index.ts';
import { personKey } from '../modules/people/index.ts';
import { loadDemoCampaign, loadSecondAuthorityCampaign } from './demo-campaign.ts';
import { loadDemoCouncil } from './demo-council.ts';

export const DEMO_PASSWORD = 'ThiDua@2022';

type Kind = 'authority' | 'office' | 'public_service' | 'commune' | 'party_mass';
const ROOT = { code: 'UBND-TH', name: 'UBND huyện Thạch Hà', kind: 'authority' as Kind };
export const DEMO_UNITS: { code: string; name: string; kind: Kind }[] = [
  { code: 'VP', name: 'Văn phòng HĐND và UBND huyện', kind: 'office' },
  { code: 'NV', name: 'Phòng Nội vụ', kind: 'office' },
  { code: 'TP', name: 'Phòng Tư pháp', kind: 'office' },
  { code: 'TCKH', name: 'Phòng Tài chính - Kế hoạch', kind: 'office' },
  { code: 'KTHT', name: 'Phòng Kinh tế - Hạ tầng', kind: 'office' },
  { code: 'NN', name: 'Phòng Nông nghiệp và Phát triển nông thôn', kind: 'office' },
  { code: 'TNMT', name: 'Phòng Tài nguyên và Môi trường', kind: 'office' },
  { code: 'LDTBXH', name: 'Phòng Lao động - Thương binh và Xã hội', kind: 'office' },
  { code: 'VHTT', name: 'Phòng Văn hóa - Thông tin', kind: 'office' },
  { code: 'GDDT', name: 'Phòng Giáo dục và Đào tạo', kind: 'office' },
  { code: 'YT', name: 'Phòng Y tế', kind: 'office' },
  { code: 'TT', name: 'Thanh tra huyện', kind: 'office' },
  { code: 'TTHCC', name: 'Trung tâm Hành chính công huyện', kind: 'public_service' },
  { code: 'TTVHTT', name: 'Trung tâm Văn hóa - Truyền thông', kind: 'public_service' },
  { code: 'TTDVNN', name: 'Trung tâm Dịch vụ nông nghiệp', kind: 'public_service' },
  { code: 'BQLDA', name: 'Ban Quản lý dự án đầu tư xây dựng', kind: 'public_service' },
  { code: 'MTTQ', name: 'Ủy ban MTTQ Việt Nam huyện', kind: 'party_mass' },
  { code: 'HLHPN', name: 'Hội Liên hiệp Phụ nữ huyện', kind: 'party_mass' },
  { code: 'XA-THACHHA', name: 'UBND thị trấn Thạch Hà', kind: 'commune' },
  { code: 'XA-THACHHAI', name: 'UBND xã Thạch Hải', kind: 'commune' },
  { code: 'XA-THACHKHE', name: 'UBND xã Thạch Khê', kind: 'commune' },
  { code: 'XA-DINHBAN', name: 'UBND xã Đỉnh Bàn', kind: 'commune' },
  { code: 'XA-THACHHOI', name: 'UBND xã Thạch Hội', kind: 'commune' },
  { code: 'XA-THACHTRI', name: 'UBND xã Thạch Trị', kind: 'commune' },
  { code: 'XA-THACHLAC', name: 'UBND xã Thạch Lạc', kind: 'commune' },
  { code: 'XA-THACHNGOC', name: 'UBND xã Thạch Ngọc', kind: 'commune' },
  { code: 'XA-THACHVAN', name: 'UBND xã Thạch Văn', kind: 'commune' },
  { code: 'XA-THACHTHANG', name: 'UBND xã Thạch Thắng', kind: 'commune' },
  { code: 'XA-TUONGSON', name: 'UBND xã Tượng Sơn', kind: 'commune' },
  { code: 'XA-THACHLONG', name: 'UBND xã Thạch Long', kind: 'commune' },
  { code: 'XA-THACHSON', name: 'UBND xã Thạch Sơn', kind: 'commune' },
  { code: 'XA-THACHLIEN', name: 'UBND xã Thạch Liên', kind: 'commune' },
  { code: 'XA-THACHKENH', name: 'UBND xã Thạch Kênh', kind: 'commune' },
  { code: 'XA-THACHDAI', name: 'UBND xã Thạch Đài', kind: 'commune' },
  { code: 'XA-VIETTIEN', name: 'UBND xã Việt Tiến', kind: 'commune' },
  { code: 'XA-LUUVINHSON', name: 'UBND xã Lưu Vĩnh Sơn', kind: 'commune' },
  { code: 'XA-NAMDIEN', name: 'UBND xã Nam Điền', kind: 'commune' },
  { code: 'XA-NGOCSON', name: 'UBND xã Ngọc Sơn', kind: 'commune' },
  { code: 'XA-THACHXUAN', name: 'UBND xã Thạch Xuân', kind: 'commune' },
];

/**
 * A second authority beside Thạch Hà: a ward formed in the 2025 reform, with its own offices, its own
 * standing office (secretariat) and its own campaign. Neither authority's office sees the other's data.
 */
const SECOND_ROOT = { code: 'UBND-TS', name: 'UBND phường Thành Sen', kind: 'authority' as Kind };
export const SECOND_AUTHORITY_UNITS: { code: string; name: string; kind: Kind }[] = [
  { code: 'TS-VP', name: 'Văn phòng HĐND và UBND phường Thành Sen', kind: 'office' },
  { code: 'TS-VHXH', name: 'Phòng Văn hóa - Xã hội phường Thành Sen', kind: 'office' },
  { code: 'TS-KT', name: 'Phòng Kinh tế, Hạ tầng và Đô thị phường Thành Sen', kind: 'office' },
  { code: 'TS-PVHCC', name: 'Trung tâm Phục vụ hành chính công phường Thành Sen', kind: 'public_service' },
];

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Phan',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Đinh',
];
const MIDDLE_M = ['Văn', 'Đức', 'Hữu', 'Quang', 'Minh', 'Xuân'];
const MIDDLE_F = ['Thị', 'Thu', 'Ngọc', 'Thanh', 'Hồng', 'Kim'];
const GIVEN_M = ['Nam', 'Hùng', 'Dũng', 'Tuấn', 'Hải', 'Long', 'Sơn', 'Thắng', 'Toàn', 'Đạt', 'Phúc', 'Bình'];
const GIVEN_F = ['Hoa', 'Lan', 'Hương', 'Mai', 'Hà', 'Trang', 'Thảo', 'Yến', 'Nhung', 'Linh', 'Hằng', 'Đào'];
const POSITIONS: Record<Kind, string[]> = {
  authority: ['Chủ tịch UBND huyện', 'Phó Chủ tịch UBND huyện', 'Phó Chủ tịch UBND huyện'],
  office: ['Trưởng phòng', 'Phó Trưởng phòng', 'Chuyên viên', 'Chuyên viên', 'Chuyên viên', 'Cán sự'],
  public_service: ['Giám đốc', 'Phó Giám đốc', 'Viên chức', 'Viên chức', 'Viên chức', 'Nhân viên'],
  party_mass: ['Chủ tịch', 'Phó Chủ tịch', 'Chuyên viên', 'Chuyên viên'],
  commune: [
    'Chủ tịch UBND',
    'Phó Chủ tịch UBND',
    'Công chức Văn phòng - Thống kê',
    'Công chức Tư pháp - Hộ tịch',
    'Công chức Địa chính - Xây dựng',
    'Công chức Tài chính - Kế toán',
    'Công chức Văn hóa - Xã hội',
    'Công chức Văn hóa - Xã hội',
  ],
};

const WARD_LEADERS = ['Chủ tịch UBND phường', 'Phó Chủ tịch UBND phường', 'Phó Chủ tịch UBND phường'];

/** A deterministic name generator, so the demo is the same on every machine. */
function demoName(i: number): { fullName: string; gender: 'male' | 'female' } {
  const female = i % 2 === 1;
  const family = FAMILY[(i * 7) % FAMILY.length]!;
  const middle = (female ? MIDDLE_F : MIDDLE_M)[(i * 5) % 6]!;
  const given = (female ? GIVEN_F : GIVEN_M)[(i * 11) % 12]!;
  return { fullName: `${family} ${middle} ${given}`, gender: female ? 'female' : 'male' };
}

type DemoUnit = { code: string; name: string; kind: Kind };

/** An authority's People's Committee as a root of the tree, and its units one level below. */
function authorityUnits(rootId: string, root: DemoUnit, children: DemoUnit[], displayOrder: number) {
  const row = (id: string, parentId: string | null, u: DemoUnit, level: number, order: number) => ({
    id,
    parentId,
    code: u.code,
    name: u.name,
    kind: u.kind,
    level,
    displayOrder: order,
    searchKey: searchKey(`${u.name} ${u.code}`),
  });
  return [
    row(rootId, null, root, 0, displayOrder),
    ...children.map((u, i) => row(newId('un'), rootId, u, 1, (i + 1) * 10)),
  ];
}

export interface DemoAccount {
  role: RoleName;
  email: string;
  password: string;
}

/**
 * `mustChangePassword`: outside the embedded database (PostgreSQL, or NODE_ENV=production) the
 * accounts share a published password, so each must change it at its first sign-in.
 */
export async function loadDemoData(db: Db, options: { mustChangePassword?: boolean } = {}): Promise<DemoAccount[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const rootId = newId('un');
    const secondRootId = newId('un');
    const unitRows = [
      ...authorityUnits(rootId, ROOT, DEMO_UNITS, 0),
      ...authorityUnits(secondRootId, SECOND_ROOT, SECOND_AUTHORITY_UNITS, 10),
    ];
    await tx.insert(units).values(unitRows);
    const idOf = (code: string) => unitRows.find((u) => u.code === code)!.id;

    let n = 0;
    const personRows = unitRows.flatMap((u) =>
      (u.id === secondRootId ? WARD_LEADERS : POSITIONS[u.kind as Kind]).map((position) => {
        const { fullName, gender } = demoName(n++);
        const row = {
          id: newId('pe'),
          unitId: u.id,
          fullName,
          position,
          gender,
          birthYear: 1965 + ((n * 13) % 35),
          email: null,
          phone: `0239 38${String(1000 + n).slice(-4)}`,
        };
        return { ...row, searchKey: personKey(row) };
      }),
    );
    await tx.insert(people).values(personRows);

    const accounts: { role: RoleName; email: string; fullName: string; unit?: string }[] = [
      // Thạch Hà's authority-wide roles are held at its People's Committee: they cover its units only.
      { role: 'leader', email: 'lanhdao@thachha.gov.vn', fullName: 'Lãnh đạo UBND huyện', unit: ROOT.code },
      { role: 'secretariat', email: 'noivu@thachha.gov.vn', fullName: 'Chuyên viên Phòng Nội vụ', unit: ROOT.code },
      { role: 'reception', email: 'motcua@thachha.gov.vn', fullName: 'Trung tâm Hành chính công', unit: ROOT.code },
      {
        role: 'communications',
        email: 'vanhoa@thachha.gov.vn',
        fullName: 'Phòng Văn hóa - Thông tin',
        unit: ROOT.code,
      },
      {
        role: 'unit_head',
        email: 'chutich.thachhai@thachha.gov.vn',
        fullName: 'Chủ tịch UBND xã Thạch Hải',
        unit: 'XA-THACHHAI',
      },
      {
        role: 'unit_officer',
        email: 'canbo.thachhai@thachha.gov.vn',
        fullName: 'Cán bộ UBND xã Thạch Hải',
        unit: 'XA-THACHHAI',
      },
      // Every unit with an officer has a head too: only a head submits the unit's self-assessment.
      { role: 'unit_head', email: 'truongphong.tuphap@thachha.gov.vn', fullName: 'Trưởng phòng Tư pháp', unit: 'TP' },
      { role: 'unit_officer', email: 'canbo.tuphap@thachha.gov.vn', fullName: 'Cán bộ Phòng Tư pháp', unit: 'TP' },
      {
        role: 'staff',
        email: 'nhanvien.thachhai@thachha.gov.vn',
        fullName: 'Công chức xã Thạch Hải',
        unit: 'XA-THACHHAI',
      },
      { role: 'observer', email: 'giamsat@hatinh.gov.vn', fullName: 'Ban Thi đua - Khen thưởng tỉnh' },
      {
        role: 'secretariat',
        email: 'noivu@thanhsen.hatinh.gov.vn',
        fullName: 'Công chức Văn phòng phường Thành Sen',
        unit: SECOND_ROOT.code,
      },
      {
        role: 'unit_head',
        email: 'truongphong.vhxh@thanhsen.hatinh.gov.vn',
        fullName: 'Trưởng phòng Văn hóa - Xã hội phường Thành Sen',
        unit: 'TS-VHXH',
      },
      {
        role: 'unit_officer',
        email: 'canbo.vhxh@thanhsen.hatinh.gov.vn',
        fullName: 'Cán bộ Phòng Văn hóa - Xã hội phường Thành Sen',
        unit: 'TS-VHXH',
      },
    ];
    const staffPerson = personRows.find((p) => p.unitId === idOf('XA-THACHHAI') && p.position.startsWith('Công chức'))!;
    // The leader's account is the chairman's own: council votes and signatures are a person's.
    const chairman = personRows.find((p) => p.unitId === rootId && p.position.startsWith('Chủ tịch'))!;
    for (const a of accounts) {
      const id = newId('us');
      const personId = a.role === 'staff' ? staffPerson.id : a.role === 'leader' ? chairman.id : null;
      await tx.insert(users).values({
        id,
        email: a.email,
        fullName: a.fullName,
        passwordHash,
        mustChangePassword: options.mustChangePassword ?? false,
        personId,
        searchKey: searchKey(`${a.fullName} ${a.email}`),
      });
      await tx
        .insert(userRoles)
        .values({ id: newId('ur'), userId: id, role: a.role, unitId: a.unit ? idOf(a.unit) : null });
    }
    await recordAudit(
      tx,
      { actor: null, requestId: 'bootstrap' },
      {
        action: 'demo.load',
        objectType: 'system',
        objectId: null,
        after: { units: unitRows.length, people: personRows.length, accounts: accounts.map((a) => a.email) },
      },
    );
    // Both demo authorities grant as communes do since 1 July 2025 (Thạch Hà keeps the 2022 plan's
    // district name; its powers over these campaigns passed to the commune level in the reform).
    await tx.insert(awardSettings).values([
      {
        authorityUnitId: rootId,
        grantorLevel: 'commune',
        grantorTitle: 'CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN THẠCH HÀ',
        issuerCode: 'UBND',
        place: 'Thạch Hà',
      },
      {
        authorityUnitId: secondRootId,
        grantorLevel: 'commune',
        grantorTitle: 'CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG THÀNH SEN',
        issuerCode: 'UBND',
        place: 'Thành Sen',
      },
    ]);
    await loadDemoCampaign(tx);
    await loadDemoCouncil(tx);
    await loadSecondAuthorityCampaign(
      tx,
      SECOND_AUTHORITY_UNITS.map((u) => u.code),
    );
    return accounts.map((a) => ({ role: a.role, email: a.email, password: DEMO_PASSWORD }));
  });
}
