/** Recipes of the real access matrix for the award catalogue, the authority matrix, settings, blockers and a campaign's award types. */
import { randomInt } from 'node:crypto';
import { awardBlockers, awardTypes, baseSalaries, grantPowers } from '../../../src/db/schema/index.ts';
import { addDays } from '../../../src/modules/campaigns/dates.ts';
import { demoCampaignId } from '../../submissions/support.ts';
import type { AreaRecipes } from '../access-recipes.ts';

export const awardTypesRecipes: AreaRecipes = async (kit) => {
  const { ok, unique, xa, root, SEC, ADMIN, t } = kit;
  const demo = await demoCampaignId(t);
  /** A day far ahead no other call of this run has used (holidays and base salaries are keyed by date). */
  const used = new Set<string>();
  const freshDay = () => {
    for (;;) {
      const d = addDays('2060-01-01', randomInt(0, 36_500));
      if (!used.has(d)) return (used.add(d), d);
    }
  };
  const awardTypeBody = () => ({
    code: unique('thu_nghiem').replace(/-/g, '_').toLowerCase(),
    name: 'Giấy khen thử nghiệm',
    form: 'commendation',
    recipientKind: 'individual',
    bonusCoefficient: 0.3,
  });
  async function awardType() {
    const r = await ok(201, 'POST', '/api/v1/award-types', ADMIN, awardTypeBody());
    return { id: r.body.id as string, etag: r.headers.etag! };
  }
  async function grantPower() {
    const r = await ok(201, 'POST', '/api/v1/grant-powers', ADMIN, {
      awardTypeId: 'awt_lao_dong_tien_tien',
      level: 'commune',
      validFrom: freshDay(),
    });
    return { id: r.body.id as string, etag: r.headers.etag! };
  }
  async function baseSalary() {
    const r = await ok(201, 'POST', '/api/v1/base-salaries', ADMIN, { amount: 2_340_000, validFrom: freshDay() });
    return { id: r.body.id as string, etag: r.headers.etag! };
  }
  async function blocker() {
    const r = await ok(201, 'POST', '/api/v1/award-blockers', SEC, {
      unitId: xa,
      kind: 'complaint',
      reason: 'Khiếu nại chưa giải quyết.',
      since: kit.today(),
    });
    return r.body.id as string;
  }
  const settingsBody = {
    grantorLevel: 'commune',
    quorum: 0.6667,
    threshold: 0.5,
    thresholdStrict: true,
    postingWorkingDays: 10,
    bonusRoundingStep: 1000,
    grantorTitle: 'CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN THẠCH HÀ',
    issuerCode: 'UBND',
    place: 'Thạch Hà',
  };

  return {
    'GET /api/v1/award-types': async () => ({ url: '/api/v1/award-types?includeArchived=true' }),
    'POST /api/v1/award-types': async () => ({ url: '/api/v1/award-types', table: awardTypes, body: awardTypeBody() }),
    'PATCH /api/v1/award-types/:id': async () => {
      const a = await awardType();
      return { url: `/api/v1/award-types/${a.id}`, headers: { 'if-match': a.etag }, body: { bonusCoefficient: 0.45 } };
    },
    'GET /api/v1/grant-powers': async () => ({
      url: '/api/v1/grant-powers?on=2026-02-13&awardTypeId=awt_giay_khen_individual',
    }),
    'POST /api/v1/grant-powers': async () => ({
      url: '/api/v1/grant-powers',
      table: grantPowers,
      body: { awardTypeId: 'awt_giay_khen_individual', level: 'province', validFrom: freshDay() },
    }),
    'PATCH /api/v1/grant-powers/:id': async () => {
      const g = await grantPower();
      return {
        url: `/api/v1/grant-powers/${g.id}`,
        headers: { 'if-match': g.etag },
        body: { legalReference: 'Điều 80' },
      };
    },
    'DELETE /api/v1/grant-powers/:id': async () => ({ url: `/api/v1/grant-powers/${(await grantPower()).id}` }),
    'GET /api/v1/base-salaries': async () => ({ url: '/api/v1/base-salaries' }),
    'GET /api/v1/base-salaries/current': async () => ({ url: '/api/v1/base-salaries/current?on=2026-02-13' }),
    'POST /api/v1/base-salaries': async () => ({
      url: '/api/v1/base-salaries',
      table: baseSalaries,
      body: { amount: 2_340_000, validFrom: freshDay() },
    }),
    'PATCH /api/v1/base-salaries/:id': async () => {
      const b = await baseSalary();
      return {
        url: `/api/v1/base-salaries/${b.id}`,
        headers: { 'if-match': b.etag },
        body: { legalReference: 'Thử nghiệm' },
      };
    },
    'DELETE /api/v1/base-salaries/:id': async () => ({ url: `/api/v1/base-salaries/${(await baseSalary()).id}` }),
    'GET /api/v1/public-holidays': async () => ({ url: '/api/v1/public-holidays?year=2026' }),
    'PUT /api/v1/public-holidays/:date': async () => ({
      url: `/api/v1/public-holidays/${freshDay()}`,
      body: { name: 'Ngày nghỉ thử nghiệm' },
    }),
    'DELETE /api/v1/public-holidays/:date': async () => {
      const day = freshDay();
      await ok(200, 'PUT', `/api/v1/public-holidays/${day}`, ADMIN, { name: 'Ngày nghỉ thử nghiệm' });
      return { url: `/api/v1/public-holidays/${day}` };
    },
    'GET /api/v1/working-days': async () => ({ url: '/api/v1/working-days?from=2026-02-13&to=2026-02-23' }),
    'GET /api/v1/authorities/:unitId/award-settings': async () => ({
      url: `/api/v1/authorities/${root}/award-settings`,
    }),
    'PUT /api/v1/authorities/:unitId/award-settings': async () => {
      const read = await ok(200, 'GET', `/api/v1/authorities/${root}/award-settings`, ADMIN);
      return {
        url: `/api/v1/authorities/${root}/award-settings`,
        headers: { 'if-match': read.headers.etag! },
        body: settingsBody,
      };
    },
    'GET /api/v1/award-blockers': async () => ({ url: `/api/v1/award-blockers?unitId=${xa}` }),
    'POST /api/v1/award-blockers': async () => ({
      url: '/api/v1/award-blockers',
      table: awardBlockers,
      body: { unitId: xa, kind: 'investigation', reason: 'Đang điều tra.', since: kit.today() },
    }),
    'POST /api/v1/award-blockers/:id/lift': async () => ({
      url: `/api/v1/award-blockers/${await blocker()}/lift`,
      body: { reason: 'Đã có kết luận.' },
    }),
    'GET /api/v1/campaigns/:id/award-types': async () => ({ url: `/api/v1/campaigns/${demo}/award-types` }),
    'PUT /api/v1/campaigns/:id/award-types': async () => {
      const c = await kit.campaign('draft');
      return {
        url: `/api/v1/campaigns/${c.id}/award-types`,
        headers: { 'if-match': c.etag },
        body: { awardTypeIds: ['awt_giay_khen_collective', 'awt_giay_khen_individual'], thematic: true },
      };
    },
  };
};
