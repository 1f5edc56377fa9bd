/** HTTP for the council and its vote. Rules live in councils.service.ts. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import {
  AttendanceBody,
  Council,
  CouncilListQuery,
  CouncilMeeting,
  CouncilMembersBody,
  CouncilPage,
  CreateCouncilBody,
  CreateMeetingBody,
  Dossier,
  DossierDecisionBody,
  IdParams,
  MeetingSummaryList,
  MeetingVote,
  MyCouncilMeetingList,
  MyVoteBody,
  ProposalsBody,
  RecordVoteBody,
  UpdateCouncilBody,
  errorResponses,
} from '@thidua/contract';
import { actorOf, ctxOf } from '../../lib/context.ts';
import { requireIfMatch, setEtag } from '../../lib/http.ts';
import { attachmentDisposition as attachment } from '../files/index.ts';
import {
  castMyVote,
  closeMeeting,
  createCouncil,
  createMeeting,
  decideDossier,
  getCouncil,
  getMeeting,
  listCouncils,
  listMeetings,
  listMyMeetings,
  meetingForMinutes,
  openVoting,
  recordVote,
  setAttendance,
  setCouncilMembers,
  setProposals,
  updateCouncil,
} from './councils.service.ts';
import { minutesDocx } from './minutes-docx.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const tags = ['councils'];

function sendDocx(reply: FastifyReply, doc: { content: Buffer; filename: string }) {
  return reply
    .type(DOCX)
    .header('content-disposition', attachment(doc.filename))
    .header('x-content-type-options', 'nosniff')
    .send(doc.content);
}

const councilsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.database.db;

  app.get(
    '/councils',
    {
      config: { access: 'council.read' },
      schema: {
        tags,
        summary: 'List the councils of the authorities one reaches, newest term first',
        querystring: CouncilListQuery,
        response: { 200: CouncilPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => listCouncils(db(), actorOf(request), request.query),
  );

  app.post(
    '/councils',
    {
      config: { access: 'council.manage', idempotent: true },
      schema: {
        tags,
        summary: 'Create the council of an authority for a term',
        body: CreateCouncilBody,
        response: { 201: Council, ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      const council = await createCouncil(db(), ctxOf(request), request.body);
      setEtag(reply, council.version);
      return reply.status(201).header('location', `/api/v1/councils/${council.id}`).send(council);
    },
  );

  app.get(
    '/councils/:id',
    {
      config: { access: 'council.read' },
      schema: {
        tags,
        summary: "Read a council with its members (another authority's answers 404)",
        params: IdParams,
        response: { 200: Council, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const council = await getCouncil(db(), actorOf(request), request.params.id);
      setEtag(reply, council.version);
      return council;
    },
  );

  app.patch(
    '/councils/:id',
    {
      config: { access: 'council.manage' },
      schema: {
        tags,
        summary: "Change a council's name, term or dates (If-Match required)",
        params: IdParams,
        body: UpdateCouncilBody,
        response: { 200: Council, ...errorResponses(400, 401, 403, 404, 412, 422, 428) },
      },
    },
    async (request, reply) => {
      const council = await updateCouncil(
        db(),
        ctxOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, council.version);
      return council;
    },
  );

  app.put(
    '/councils/:id/members',
    {
      config: { access: 'council.manage' },
      schema: {
        tags,
        summary:
          'Replace the members of a council (one chair, one secretary who records and does not vote); refused while a meeting is voting',
        params: IdParams,
        body: CouncilMembersBody,
        response: { 200: Council, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const council = await setCouncilMembers(db(), ctxOf(request), request.params.id, request.body);
      setEtag(reply, council.version);
      return council;
    },
  );

  app.get(
    '/councils/:id/meetings',
    {
      config: { access: 'council.read' },
      schema: {
        tags,
        summary: "The council's meetings, newest first",
        params: IdParams,
        response: { 200: MeetingSummaryList, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => listMeetings(db(), actorOf(request), request.params.id),
  );

  app.post(
    '/councils/:id/meetings',
    {
      config: { access: 'council.manage', idempotent: true },
      schema: {
        tags,
        summary: 'Call a meeting of the council on a campaign of its authority (chair and secretary among its members)',
        params: IdParams,
        body: CreateMeetingBody,
        response: { 201: CouncilMeeting, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const meeting = await createMeeting(db(), ctxOf(request), request.params.id, request.body);
      setEtag(reply, meeting.version);
      return reply.status(201).header('location', `/api/v1/council-meetings/${meeting.id}`).send(meeting);
    },
  );

  app.get(
    '/council-meetings/:id',
    {
      config: { access: 'council.read' },
      schema: {
        tags,
        summary:
          'A meeting: members and attendance, proposals (dossiers) with their tallies, the quorum and threshold applied and whether met; secret votes without their voters',
        params: IdParams,
        response: { 200: CouncilMeeting, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const meeting = await getMeeting(db(), actorOf(request), request.params.id);
      setEtag(reply, meeting.version);
      return meeting;
    },
  );

  app.put(
    '/council-meetings/:id/attendance',
    {
      config: { access: 'council.manage' },
      schema: {
        tags,
        summary: 'Record who is present (before voting opens); absent members may still vote in writing',
        params: IdParams,
        body: AttendanceBody,
        response: { 200: CouncilMeeting, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const meeting = await setAttendance(db(), ctxOf(request), request.params.id, request.body);
      setEtag(reply, meeting.version);
      return meeting;
    },
  );

  app.put(
    '/council-meetings/:id/proposals',
    {
      config: { access: 'council.manage' },
      schema: {
        tags,
        summary:
          "Set the list of proposals: received dossiers of the meeting's campaign at the council's authority, moved to in_review",
        params: IdParams,
        body: ProposalsBody,
        response: { 200: CouncilMeeting, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const meeting = await setProposals(db(), ctxOf(request), request.params.id, request.body);
      setEtag(reply, meeting.version);
      return meeting;
    },
  );

  app.post(
    '/council-meetings/:id/open-voting',
    {
      config: { access: 'council.manage' },
      schema: {
        tags,
        summary:
          "Open the vote: freezes the authority's quorum and threshold; 409 council.no_quorum when too few voting members are present, 409 council.meeting_in_future when the meeting's time has not come",
        params: IdParams,
        response: { 200: CouncilMeeting, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const meeting = await openVoting(db(), ctxOf(request), request.params.id);
      setEtag(reply, meeting.version);
      return meeting;
    },
  );

  app.post(
    '/council-meetings/:id/votes',
    {
      config: { access: 'council.manage', idempotent: true },
      schema: {
        tags,
        summary:
          "Record a member's vote on a proposal (the secretary records): present, or absent in writing; once per member and proposal; a secret ballot is stored without the voter",
        params: IdParams,
        body: RecordVoteBody,
        response: { 201: CouncilMeeting, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const meeting = await recordVote(db(), ctxOf(request), request.params.id, request.body);
      setEtag(reply, meeting.version);
      return reply.status(201).send(meeting);
    },
  );

  app.post(
    '/council-meetings/:id/my-votes',
    {
      config: { access: 'council.vote', idempotent: true },
      schema: {
        tags,
        summary: 'A council member casts their own vote on a proposal (403 council.not_member for anyone else)',
        params: IdParams,
        body: MyVoteBody,
        response: { 201: MeetingVote, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await castMyVote(db(), ctxOf(request), request.params.id, request.body)),
  );

  app.get(
    '/me/council-meetings',
    {
      config: { access: 'council.vote' },
      schema: {
        tags,
        summary:
          "The signed-in member's own meetings (voting, or closed in the last 30 days) of the councils on which they vote: each proposal with its dossier, the member's own vote (in a secret ballot only whether they voted) and, once closed, the result",
        response: { 200: MyCouncilMeetingList, ...errorResponses(401, 403) },
      },
    },
    async (request) => listMyMeetings(db(), actorOf(request)),
  );

  app.post(
    '/council-meetings/:id/close',
    {
      config: { access: 'council.manage' },
      schema: {
        tags,
        summary:
          'Close and tally: each proposal passes on votes in favour of ALL voting members against the threshold; its dossier is approved or rejected; the minutes get their number',
        params: IdParams,
        response: { 200: CouncilMeeting, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const meeting = await closeMeeting(db(), ctxOf(request), request.params.id);
      setEtag(reply, meeting.version);
      return meeting;
    },
  );

  app.get(
    '/council-meetings/:id/minutes.docx',
    {
      config: { access: 'council.read' },
      schema: {
        tags,
        summary: 'The minutes (biên bản) of the meeting as DOCX in the Decree 30 layout (a draft until it closes)',
        params: IdParams,
        response: {
          200: {
            description: 'The minutes as a Word document',
            content: { [DOCX]: { schema: { type: 'string', format: 'binary' } } },
          },
          ...errorResponses(401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const { view, settings, authorityName } = await meetingForMinutes(db(), actorOf(request), request.params.id);
      return sendDocx(reply, await minutesDocx(view, settings, authorityName));
    },
  );

  for (const action of ['approve', 'reject'] as const) {
    app.post(
      `/dossiers/:id/${action}`,
      {
        config: { access: 'dossier.decide' },
        schema: {
          tags: ['dossiers'],
          summary:
            action === 'approve'
              ? 'The leader approves a dossier under review outside a council meeting, with a note'
              : 'The leader rejects a dossier under review outside a council meeting, with a note',
          params: IdParams,
          body: DossierDecisionBody,
          response: { 200: Dossier, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        const dossier = await decideDossier(db(), ctxOf(request), request.params.id, action, request.body);
        setEtag(reply, dossier.version);
        return dossier;
      },
    );
  }
};
export default councilsRoutes;
