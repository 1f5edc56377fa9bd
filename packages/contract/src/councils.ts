/**
 * The emulation and commendation council (hội đồng thi đua - khen thưởng) of an authority, per
 * term: its members (chair, vice chairs, members and a secretary who records and does not vote), its
 * meetings on a campaign's proposals, attendance, votes (show of hands, or secret ballot stored
 * without the voter), the tally against the quorum and threshold of the authority's settings, and
 * the minutes (biên bản). A proposal passes when the votes in favour reach the threshold of ALL
 * voting members, not of those present.
 */
import Type, { type Static } from 'typebox';
import { DateOnly, DateTime, Id, Page, PageQueryProps, StringEnum } from './common.ts';
import { Dossier } from './dossiers.ts';

export const COUNCIL_ROLES = ['chair', 'vice_chair', 'member', 'secretary'] as const;
export type CouncilRole = (typeof COUNCIL_ROLES)[number];
export const CouncilRole = StringEnum(COUNCIL_ROLES, {
  description:
    'chair: chủ tịch hội đồng; vice_chair: phó chủ tịch; member: ủy viên; secretary: thư ký (records, does not vote)',
});
/** Whether a member of this role votes (the secretary records and does not). */
export const councilRoleVotes = (role: CouncilRole): boolean => role !== 'secretary';

export const MEETING_STATUSES = ['planned', 'voting', 'closed'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MeetingStatus = StringEnum(MEETING_STATUSES, {
  description:
    'planned: attendance and proposals being set; voting: quorum and threshold frozen, votes recorded; closed: tallied, dossiers approved or rejected',
});

export const VOTING_METHODS = ['show_of_hands', 'secret_ballot'] as const;
export type VotingMethod = (typeof VOTING_METHODS)[number];
export const VotingMethod = StringEnum(VOTING_METHODS, {
  description:
    'show_of_hands: giơ tay (each vote names its voter); secret_ballot: bỏ phiếu kín (votes stored without the voter)',
});

export const VOTE_CHOICES = ['for', 'against', 'abstain'] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];
export const VoteChoice = StringEnum(VOTE_CHOICES, {
  description: 'for: đồng ý; against: không đồng ý; abstain: không biểu quyết',
});

export const CouncilMember = Type.Object(
  {
    personId: Id,
    fullName: Type.String({ examples: ['Nguyễn Văn Nam'] }),
    position: Type.Union([Type.String(), Type.Null()], { examples: ['Trưởng phòng'] }),
    unitName: Type.String({ examples: ['Phòng Nội vụ'] }),
    role: CouncilRole,
    votes: Type.Boolean({ description: 'false for the secretary' }),
  },
  { additionalProperties: false },
);
export type CouncilMember = Static<typeof CouncilMember>;

export const Council = Type.Object(
  {
    id: Id,
    authorityUnitId: Id,
    authorityName: Type.String({ examples: ['UBND huyện Thạch Hà'] }),
    name: Type.String({ examples: ['Hội đồng Thi đua - Khen thưởng huyện Thạch Hà'] }),
    term: Type.String({ examples: ['2021–2026'] }),
    validFrom: DateOnly,
    validTo: Type.Union([DateOnly, Type.Null()]),
    members: Type.Array(CouncilMember),
    votingMembers: Type.Integer({
      description: 'Members who vote (all but the secretary): the base of quorum and threshold',
    }),
    createdAt: DateTime,
    updatedAt: DateTime,
    version: Type.Integer(),
  },
  { additionalProperties: false },
);
export type Council = Static<typeof Council>;

export const CouncilListQuery = Type.Object(
  { ...PageQueryProps, authorityUnitId: Type.Optional(Id) },
  { additionalProperties: false },
);
export type CouncilListQuery = Static<typeof CouncilListQuery>;
export const CouncilPage = Page(Council);
export type CouncilPage = Static<typeof CouncilPage>;

const CouncilName = Type.String({ minLength: 1, maxLength: 300 });
const Term = Type.String({ minLength: 1, maxLength: 50, examples: ['2021–2026'] });

export const CreateCouncilBody = Type.Object(
  {
    authorityUnitId: Id,
    name: CouncilName,
    term: Term,
    validFrom: DateOnly,
    validTo: Type.Optional(Type.Union([DateOnly, Type.Null()])),
  },
  { additionalProperties: false },
);
export type CreateCouncilBody = Static<typeof CreateCouncilBody>;

export const UpdateCouncilBody = Type.Object(
  {
    name: Type.Optional(CouncilName),
    term: Type.Optional(Term),
    validFrom: Type.Optional(DateOnly),
    validTo: Type.Optional(Type.Union([DateOnly, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateCouncilBody = Static<typeof UpdateCouncilBody>;

export const CouncilMembersBody = Type.Array(
  Type.Object({ personId: Id, role: CouncilRole }, { additionalProperties: false }),
  { maxItems: 60, description: 'The whole list of members, in order (replaces the previous one)' },
);
export type CouncilMembersBody = Static<typeof CouncilMembersBody>;

export const CreateMeetingBody = Type.Object(
  {
    campaignId: Id,
    heldAt: DateTime,
    place: Type.String({ maxLength: 300, examples: ['Phòng họp số 1, UBND huyện Thạch Hà'] }),
    method: VotingMethod,
    chairPersonId: Id,
    secretaryPersonId: Id,
  },
  { additionalProperties: false },
);
export type CreateMeetingBody = Static<typeof CreateMeetingBody>;

export const MeetingSummary = Type.Object(
  {
    id: Id,
    councilId: Id,
    campaignId: Id,
    campaignTitle: Type.String(),
    status: MeetingStatus,
    heldAt: DateTime,
    place: Type.String(),
    method: VotingMethod,
    minutesNumber: Type.Union([Type.String(), Type.Null()], { examples: ['01/BB-UBND'] }),
    proposals: Type.Integer(),
  },
  { additionalProperties: false },
);
export type MeetingSummary = Static<typeof MeetingSummary>;
export const MeetingSummaryList = Type.Object({ items: Type.Array(MeetingSummary) }, { additionalProperties: false });
export type MeetingSummaryList = Static<typeof MeetingSummaryList>;

export const MeetingMember = Type.Object(
  {
    personId: Id,
    fullName: Type.String(),
    position: Type.Union([Type.String(), Type.Null()]),
    unitName: Type.String(),
    role: CouncilRole,
    votes: Type.Boolean(),
    present: Type.Union([Type.Boolean(), Type.Null()], {
      description: 'null: attendance not recorded (counts as absent)',
    }),
    note: Type.String(),
  },
  { additionalProperties: false },
);
export type MeetingMember = Static<typeof MeetingMember>;

export const MeetingRules = Type.Object(
  {
    quorum: Type.Number({ description: 'Share of voting members that must be present', examples: [0.6667] }),
    threshold: Type.Number({ description: 'Share of ALL voting members that must vote in favour', examples: [0.5] }),
    thresholdStrict: Type.Boolean({ description: 'true: more than the threshold; false: at least' }),
    frozen: Type.Boolean({
      description: 'true once voting opened (the values applied); false: the settings that would apply',
    }),
    quorumRequired: Type.Integer({ description: 'Voting members that must be present' }),
    presentMembers: Type.Integer(),
    votingMembers: Type.Integer(),
    quorumMet: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type MeetingRules = Static<typeof MeetingRules>;

export const ProposalTally = Type.Object(
  {
    dossier: Dossier,
    position: Type.Integer(),
    threshold: Type.Number({ description: 'The threshold for this proposal (its award type may ask more)' }),
    thresholdStrict: Type.Boolean(),
    votesNeeded: Type.Integer({ description: 'Votes in favour needed to pass, of all voting members' }),
    votesFor: Type.Integer(),
    votesAgainst: Type.Integer(),
    votesAbstain: Type.Integer(),
    percentFor: Type.Number({ description: 'Votes in favour as a percentage of ALL voting members' }),
    passes: Type.Boolean({ description: 'Whether the votes so far pass the threshold' }),
    result: Type.Union([StringEnum(['passed', 'failed'] as const), Type.Null()], {
      description: 'Set when the meeting closes',
    }),
  },
  { additionalProperties: false },
);
export type ProposalTally = Static<typeof ProposalTally>;

export const MeetingVote = Type.Object(
  {
    dossierId: Id,
    personId: Type.Union([Id, Type.Null()], { description: 'null in a secret ballot' }),
    choice: VoteChoice,
    inWriting: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type MeetingVote = Static<typeof MeetingVote>;

export const CouncilMeeting = Type.Object(
  {
    id: Id,
    councilId: Id,
    councilName: Type.String(),
    authorityUnitId: Id,
    campaignId: Id,
    campaignTitle: Type.String(),
    status: MeetingStatus,
    heldAt: DateTime,
    place: Type.String(),
    method: VotingMethod,
    chairPersonId: Type.Union([Id, Type.Null()]),
    chairName: Type.Union([Type.String(), Type.Null()]),
    secretaryPersonId: Type.Union([Id, Type.Null()]),
    secretaryName: Type.Union([Type.String(), Type.Null()]),
    rules: MeetingRules,
    members: Type.Array(MeetingMember),
    proposals: Type.Array(ProposalTally),
    votes: Type.Array(MeetingVote, {
      description: 'Each vote; in a secret ballot without its voter, in no particular order',
    }),
    ballotsCast: Type.Array(Type.Object({ dossierId: Id, personId: Id }, { additionalProperties: false }), {
      description: 'Who has voted on what, without the choice (secret ballots; for show of hands the votes say it)',
    }),
    minutesNumber: Type.Union([Type.String(), Type.Null()], { examples: ['01/BB-UBND'] }),
    closedAt: Type.Union([DateTime, Type.Null()]),
    createdAt: DateTime,
    updatedAt: DateTime,
    version: Type.Integer(),
  },
  { additionalProperties: false },
);
export type CouncilMeeting = Static<typeof CouncilMeeting>;

export const AttendanceBody = Type.Array(
  Type.Object(
    { personId: Id, present: Type.Boolean(), note: Type.Optional(Type.String({ maxLength: 500 })) },
    { additionalProperties: false },
  ),
  { maxItems: 60, description: 'Attendance of the members named (others keep theirs)' },
);
export type AttendanceBody = Static<typeof AttendanceBody>;

export const ProposalsBody = Type.Object(
  { dossierIds: Type.Array(Id, { maxItems: 500, uniqueItems: true }) },
  { additionalProperties: false },
);
export type ProposalsBody = Static<typeof ProposalsBody>;

export const RecordVoteBody = Type.Object(
  {
    dossierId: Id,
    personId: Id,
    choice: VoteChoice,
    inWriting: Type.Optional(Type.Boolean({ default: false, description: 'An absent member voting in writing' })),
  },
  { additionalProperties: false },
);
export type RecordVoteBody = Static<typeof RecordVoteBody>;

export const MyVoteBody = Type.Object(
  {
    dossierId: Id,
    choice: VoteChoice,
    inWriting: Type.Optional(Type.Boolean({ default: false, description: 'Voting in writing while absent' })),
  },
  { additionalProperties: false },
);
export type MyVoteBody = Static<typeof MyVoteBody>;

export const DossierDecisionBody = Type.Object(
  { note: Type.String({ minLength: 1, maxLength: 2000, description: 'Why, recorded in the audit log' }) },
  { additionalProperties: false },
);
export type DossierDecisionBody = Static<typeof DossierDecisionBody>;

/**
 * Whether `votesFor` out of `members` passes `threshold` (a share of ALL members): more than it when
 * strict, at least it otherwise. Ratios are stored to four decimals (2/3 as 0.6667), so they are read
 * as the nearest simple fraction before comparing in integers.
 */
export function asFraction(ratio: number): { num: number; den: number } {
  for (let den = 1; den <= 20; den++) {
    const num = Math.round(ratio * den);
    if (Math.abs(num / den - ratio) <= 0.00005) return { num, den };
  }
  return { num: Math.round(ratio * 10000), den: 10000 };
}

/** The fewest votes in favour that pass. */
export function votesNeeded(threshold: number, strict: boolean, members: number): number {
  const { num, den } = asFraction(threshold);
  // strict: v·den > num·members; else v·den ≥ num·members
  const exact = num * members;
  return strict ? Math.floor(exact / den) + 1 : Math.ceil(exact / den);
}

/** The fewest members present that make the quorum. */
export function quorumRequired(quorum: number, members: number): number {
  const { num, den } = asFraction(quorum);
  return Math.ceil((num * members) / den);
}

/** The member's own standing on one proposal of a meeting of their council. */
export const MyProposal = Type.Object(
  {
    dossier: Dossier,
    position: Type.Integer(),
    voted: Type.Boolean({ description: 'Whether the member has voted on it' }),
    myChoice: Type.Union([VoteChoice, Type.Null()], {
      description: 'The member’s own choice; null when not voted, and always null in a secret ballot',
    }),
    myVoteInWriting: Type.Union([Type.Boolean(), Type.Null()], {
      description: 'Whether the vote was in writing; null when not voted or in a secret ballot',
    }),
    votesNeeded: Type.Integer({ description: 'Votes in favour needed to pass, of all voting members' }),
    votesFor: Type.Union([Type.Integer(), Type.Null()], { description: 'Set once the meeting closed' }),
    votesAgainst: Type.Union([Type.Integer(), Type.Null()], { description: 'Set once the meeting closed' }),
    votesAbstain: Type.Union([Type.Integer(), Type.Null()], { description: 'Set once the meeting closed' }),
    result: Type.Union([StringEnum(['passed', 'failed'] as const), Type.Null()], {
      description: 'Set when the meeting closes',
    }),
  },
  { additionalProperties: false },
);
export type MyProposal = Static<typeof MyProposal>;

/** A meeting (voting, or closed lately) of a council on which the signed-in account's person votes. */
export const MyCouncilMeeting = Type.Object(
  {
    id: Id,
    councilId: Id,
    councilName: Type.String(),
    authorityUnitId: Id,
    campaignTitle: Type.String(),
    status: MeetingStatus,
    heldAt: DateTime,
    place: Type.String(),
    method: VotingMethod,
    role: CouncilRole,
    present: Type.Union([Type.Boolean(), Type.Null()], {
      description: 'The member’s attendance (null: not recorded); an absent member votes in writing',
    }),
    votingMembers: Type.Integer(),
    proposals: Type.Array(MyProposal),
    minutesNumber: Type.Union([Type.String(), Type.Null()]),
    closedAt: Type.Union([DateTime, Type.Null()]),
  },
  { additionalProperties: false },
);
export type MyCouncilMeeting = Static<typeof MyCouncilMeeting>;
export const MyCouncilMeetingList = Type.Object(
  { items: Type.Array(MyCouncilMeeting) },
  { additionalProperties: false },
);
export type MyCouncilMeetingList = Static<typeof MyCouncilMeetingList>;
