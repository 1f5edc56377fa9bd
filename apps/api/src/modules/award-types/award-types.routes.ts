/** HTTP for the award catalogue, the authority matrix, base salaries, holidays, settings, blockers and a campaign's award types. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AwardBlocker,
  AwardBlockerList,
  AwardBlockerQuery,
  AwardSettings,
  AwardType,
  AwardTypeList,
  AwardTypeListQuery,
  BaseSalary,
  BaseSalaryList,
  CampaignAwardTypes,
  CreateAwardBlockerBody,
  CreateAwardTypeBody,
  CreateBaseSalaryBody,
  CreateGrantPowerBody,
  DateParams,
  GrantPower,
  GrantPowerList,
  GrantPowerListQuery,
  IdParams,
  LiftAwardBlockerBody,
  Ok,
  OnDateQuery,
  PublicHoliday,
  PublicHolidayList,
  PublicHolidayQuery,
  PutAwardSettingsBody,
  PutCampaignAwardTypesBody,
  PutPublicHolidayBody,
  UnitIdParams,
  UpdateAwardTypeBody,
  UpdateBaseSalaryBody,
  UpdateGrantPowerBody,
  WorkingDays,
  WorkingDaysQuery,
  errorResponses,
} from '@thidua/contract';
import { actorOf, ctxOf } from '../../lib/context.ts';
import { requireIfMatch, setEtag } from '../../lib/http.ts';
import {
  countWorkingDays,
  createAwardType,
  createBaseSalary,
  createGrantPower,
  currentBaseSalary,
  deleteBaseSalary,
  deleteGrantPower,
  deleteHoliday,
  getAwardSettings,
  getCampaignAwardTypes,
  listAwardTypes,
  listBaseSalaries,
  listGrantPowers,
  listHolidays,
  putAwardSettings,
  putCampaignAwardTypes,
  putHoliday,
  updateAwardType,
  updateBaseSalary,
  updateGrantPower,
} from './award-types.service.ts';
import { createBlocker, liftBlocker, listBlockers } from './blockers.service.ts';

const TAGS = ['award-types'];

const awardTypesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.database.db;

  // ── award types ──
  app.get(
    '/award-types',
    {
      config: { access: 'award_type.read' },
      schema: {
        tags: TAGS,
        summary: 'List the award types (forms and titles), each with its grant powers; archived ones on request',
        querystring: AwardTypeListQuery,
        response: { 200: AwardTypeList, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => listAwardTypes(db(), request.query),
  );

  app.post(
    '/award-types',
    {
      config: { access: 'award_type.manage', idempotent: true },
      schema: {
        tags: TAGS,
        summary: 'Add an award type (409 award_type.code_taken on a code in use)',
        body: CreateAwardTypeBody,
        response: { 201: AwardType, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const t = await createAwardType(db(), ctxOf(request), request.body);
      setEtag(reply, t.version);
      return reply.status(201).send(t);
    },
  );

  app.patch(
    '/award-types/:id',
    {
      config: { access: 'award_type.manage' },
      schema: {
        tags: TAGS,
        summary: 'Change an award type: name, coefficient, vote threshold, order, archived … (If-Match required)',
        params: IdParams,
        body: UpdateAwardTypeBody,
        response: { 200: AwardType, ...errorResponses(400, 401, 403, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      const t = await updateAwardType(db(), ctxOf(request), request.params.id, requireIfMatch(request), request.body);
      setEtag(reply, t.version);
      return t;
    },
  );

  // ── grant powers ──
  app.get(
    '/grant-powers',
    {
      config: { access: 'award_type.read' },
      schema: {
        tags: TAGS,
        summary: 'The authority matrix: who may grant which award type (rows valid on `on`, if given)',
        querystring: GrantPowerListQuery,
        response: { 200: GrantPowerList, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => listGrantPowers(db(), request.query),
  );

  app.post(
    '/grant-powers',
    {
      config: { access: 'award_type.manage', idempotent: true },
      schema: {
        tags: TAGS,
        summary: 'Add a dated row to the authority matrix (validFrom ≤ validTo)',
        body: CreateGrantPowerBody,
        response: { 201: GrantPower, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const p = await createGrantPower(db(), ctxOf(request), request.body);
      setEtag(reply, p.version);
      return reply.status(201).send(p);
    },
  );

  app.patch(
    '/grant-powers/:id',
    {
      config: { access: 'award_type.manage' },
      schema: {
        tags: TAGS,
        summary: 'Change a row of the authority matrix (If-Match required)',
        params: IdParams,
        body: UpdateGrantPowerBody,
        response: { 200: GrantPower, ...errorResponses(400, 401, 403, 404, 412, 428) },
      },
    },
    async (request, reply) => {
      const p = await updateGrantPower(db(), ctxOf(request), request.params.id, requireIfMatch(request), request.body);
      setEtag(reply, p.version);
      return p;
    },
  );

  app.delete(
    '/grant-powers/:id',
    {
      config: { access: 'award_type.manage' },
      schema: {
        tags: TAGS,
        summary: 'Remove a row of the authority matrix (to end a power on a date, set its validTo instead)',
        params: IdParams,
        response: { 200: Ok, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      await deleteGrantPower(db(), ctxOf(request), request.params.id);
      return { ok: true };
    },
  );

  // ── base salaries ──
  app.get(
    '/base-salaries',
    {
      config: { access: 'award_type.read' },
      schema: {
        tags: TAGS,
        summary: 'The base salaries (lương cơ sở) by the date each took effect',
        response: { 200: BaseSalaryList, ...errorResponses(401, 403) },
      },
    },
    async () => listBaseSalaries(db()),
  );

  app.get(
    '/base-salaries/current',
    {
      config: { access: 'award_type.read' },
      schema: {
        tags: TAGS,
        summary: 'The base salary in force on a date (default today)',
        querystring: OnDateQuery,
        response: { 200: BaseSalary, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const s = await currentBaseSalary(db(), request.query.on);
      setEtag(reply, s.version);
      return s;
    },
  );

  app.post(
    '/base-salaries',
    {
      config: { access: 'award_type.manage', idempotent: true },
      schema: {
        tags: TAGS,
        summary: 'Add a base salary from a date (409 base_salary.date_taken when one starts that day)',
        body: CreateBaseSalaryBody,
        response: { 201: BaseSalary, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const s = await createBaseSalary(db(), ctxOf(request), request.body);
      setEtag(reply, s.version);
      return reply.status(201).send(s);
    },
  );

  app.patch(
    '/base-salaries/:id',
    {
      config: { access: 'award_type.manage' },
      schema: {
        tags: TAGS,
        summary: 'Change a base salary (If-Match required)',
        params: IdParams,
        body: UpdateBaseSalaryBody,
        response: { 200: BaseSalary, ...errorResponses(400, 401, 403, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      const s = await updateBaseSalary(db(), ctxOf(request), request.params.id, requireIfMatch(request), request.body);
      setEtag(reply, s.version);
      return s;
    },
  );

  app.delete(
    '/base-salaries/:id',
    {
      config: { access: 'award_type.manage' },
      schema: {
        tags: TAGS,
        summary: 'Remove a base salary',
        params: IdParams,
        response: { 200: Ok, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      await deleteBaseSalary(db(), ctxOf(request), request.params.id);
      return { ok: true };
    },
  );

  // ── public holidays and working days ──
  app.get(
    '/public-holidays',
    {
      config: { access: 'award_type.read' },
      schema: {
        tags: TAGS,
        summary: 'The public holidays working-day counts skip (of a year, if given)',
        querystring: PublicHolidayQuery,
        response: { 200: PublicHolidayList, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => listHolidays(db(), request.query.year),
  );

  app.put(
    '/public-holidays/:date',
    {
      config: { access: 'award_type.manage' },
      schema: {
        tags: TAGS,
        summary: 'Make a day a public holiday, or rename it',
        params: DateParams,
        body: PutPublicHolidayBody,
        response: { 200: PublicHoliday, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => putHoliday(db(), ctxOf(request), request.params.date, request.body.name),
  );

  app.delete(
    '/public-holidays/:date',
    {
      config: { access: 'award_type.manage' },
      schema: {
        tags: TAGS,
        summary: 'Make a day an ordinary day again',
        params: DateParams,
        response: { 200: Ok, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      await deleteHoliday(db(), ctxOf(request), request.params.date);
      return { ok: true };
    },
  );

  app.get(
    '/working-days',
    {
      config: { access: 'award_type.read' },
      schema: {
        tags: TAGS,
        summary: 'Working days after `from` up to and including `to` (weekends and public holidays skipped)',
        querystring: WorkingDaysQuery,
        response: { 200: WorkingDays, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => countWorkingDays(db(), request.query.from, request.query.to),
  );

  // ── award settings per authority ──
  app.get(
    '/authorities/:unitId/award-settings',
    {
      config: { access: 'award_type.read' },
      schema: {
        tags: TAGS,
        summary: "An authority's award settings: the stored row, or the derived defaults (stored: false, version 0)",
        params: UnitIdParams,
        response: { 200: AwardSettings, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const s = await getAwardSettings(db(), request.params.unitId);
      setEtag(reply, s.version);
      return s;
    },
  );

  app.put(
    '/authorities/:unitId/award-settings',
    {
      config: { access: 'award_type.manage' },
      schema: {
        tags: TAGS,
        summary: 'Store an authority\'s award settings (If-Match required: "v0" while only defaults exist)',
        params: UnitIdParams,
        body: PutAwardSettingsBody,
        response: { 200: AwardSettings, ...errorResponses(400, 401, 403, 404, 412, 428) },
      },
    },
    async (request, reply) => {
      const s = await putAwardSettings(
        db(),
        ctxOf(request),
        request.params.unitId,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, s.version);
      return s;
    },
  );

  // ── blockers ──
  app.get(
    '/award-blockers',
    {
      config: { access: 'award_blocker.read' },
      schema: {
        tags: TAGS,
        summary: 'Blockers on nominees within the caller’s authority (open ones first)',
        querystring: AwardBlockerQuery,
        response: { 200: AwardBlockerList, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => listBlockers(db(), actorOf(request), request.query),
  );

  app.post(
    '/award-blockers',
    {
      config: { access: 'award_blocker.manage', idempotent: true },
      schema: {
        tags: TAGS,
        summary: 'Record a blocker on a unit or a person (discipline, investigation, inspection, complaint)',
        body: CreateAwardBlockerBody,
        response: { 201: AwardBlocker, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const b = await createBlocker(db(), ctxOf(request), request.body);
      setEtag(reply, b.version);
      return reply.status(201).send(b);
    },
  );

  app.post(
    '/award-blockers/:id/lift',
    {
      config: { access: 'award_blocker.manage' },
      schema: {
        tags: TAGS,
        summary: 'Lift a blocker, with the reason (409 when already lifted)',
        params: IdParams,
        body: LiftAwardBlockerBody,
        response: { 200: AwardBlocker, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const b = await liftBlocker(db(), ctxOf(request), request.params.id, request.body);
      setEtag(reply, b.version);
      return b;
    },
  );

  // ── a campaign's award types ──
  app.get(
    '/campaigns/:id/award-types',
    {
      config: { access: 'campaign.read' },
      schema: {
        tags: TAGS,
        summary: 'The award types a campaign leads to, and whether it is thematic (ETag: the campaign’s version)',
        params: IdParams,
        response: { 200: CampaignAwardTypes, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const c = await getCampaignAwardTypes(db(), actorOf(request), request.params.id);
      setEtag(reply, c.version);
      return c;
    },
  );

  app.put(
    '/campaigns/:id/award-types',
    {
      config: { access: 'campaign.author' },
      schema: {
        tags: TAGS,
        summary:
          'Set the award types a campaign leads to and whether it is thematic (If-Match: the campaign’s ETag; 409 once finalized or archived)',
        params: IdParams,
        body: PutCampaignAwardTypesBody,
        response: { 200: CampaignAwardTypes, ...errorResponses(400, 401, 403, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      const c = await putCampaignAwardTypes(
        db(),
        ctxOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, c.version);
      return c;
    },
  );
};
export default awardTypesRoutes;
