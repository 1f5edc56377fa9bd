/**
 * Public posting of the approved list (niêm yết công khai) with the public's objections, and award
 * decisions (quyết định khen thưởng): drafted by the secretariat from the approved dossiers, issued
 * by the leader with a number from the register, the bonus of each awardee computed from the
 * coefficient and the base salary in force on the decision date.
 */
import Type, { type Static } from 'typebox';
import { DateOnly, DateTime, Id, Page, PageQueryProps, StringEnum } from './common.ts';
import { Dossier, NomineeKind } from './dossiers.ts';
import { FileInfo } from './files.ts';

// ── Posting ─────────────────────────────────────────────────────────────────────────────────────

export const Posting = Type.Object(
  {
    id: Id,
    campaignId: Id,
    authorityUnitId: Id,
    authorityName: Type.String(),
    dossierIds: Type.Array(Id, { description: 'The dossiers listed, frozen at publication' }),
    dossiers: Type.Array(Dossier),
    startsOn: DateOnly,
    endsOn: DateOnly,
    workingDays: Type.Integer({ description: 'Length of the period in working days (the authority setting)' }),
    daysLeft: Type.Integer({ description: 'Working days from today to endsOn, both counted; 0 once ended' }),
    open: Type.Boolean({ description: 'Whether objections are still accepted (today ≤ endsOn)' }),
    objectionCount: Type.Integer(),
    openObjectionCount: Type.Integer({ description: 'Objections not yet answered (they block the decision)' }),
    publishedAt: DateTime,
    version: Type.Integer(),
  },
  { additionalProperties: false },
);
export type Posting = Static<typeof Posting>;

export const PostingList = Type.Object({ items: Type.Array(Posting) }, { additionalProperties: false });
export type PostingList = Static<typeof PostingList>;

export const CreatePostingBody = Type.Object(
  {
    startsOn: Type.Optional(DateOnly),
    authorityUnitId: Type.Optional(Id),
  },
  {
    additionalProperties: false,
    description:
      "startsOn: today (Vietnam) by default; authorityUnitId: the campaign's authority by default (a higher authority posts the dossiers forwarded to it)",
  },
);
export type CreatePostingBody = Static<typeof CreatePostingBody>;

export const PublicNominee = Type.Object(
  {
    dossierId: Id,
    nomineeKind: NomineeKind,
    nomineeName: Type.String(),
    unitName: Type.String(),
    awardTypeName: Type.String(),
    achievement: Type.String(),
  },
  { additionalProperties: false },
);
export type PublicNominee = Static<typeof PublicNominee>;

export const PublicPosting = Type.Object(
  {
    id: Id,
    campaignId: Id,
    campaignTitle: Type.String(),
    authorityName: Type.String(),
    startsOn: DateOnly,
    endsOn: DateOnly,
    workingDays: Type.Integer(),
    daysLeft: Type.Integer(),
    open: Type.Boolean(),
    nominees: Type.Array(PublicNominee),
  },
  { additionalProperties: false },
);
export type PublicPosting = Static<typeof PublicPosting>;

/** Limits of the public objection form (also what the web form enforces). */
export const OBJECTION_LIMITS = { name: 120, contact: 200, content: 4000, answer: 4000 } as const;

export const CreateObjectionBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: OBJECTION_LIMITS.name, description: 'Who objects' }),
    contact: Type.String({
      minLength: 3,
      maxLength: OBJECTION_LIMITS.contact,
      description: 'How to answer them: a telephone number, an e-mail or a postal address',
    }),
    content: Type.String({ minLength: 10, maxLength: OBJECTION_LIMITS.content }),
    dossierId: Type.Optional(Type.Union([Id, Type.Null()], { description: 'The nominee objected to, if one' })),
  },
  {
    additionalProperties: false,
    examples: [
      {
        name: 'Trần Văn Bình',
        contact: '0912 345 678',
        content: 'Đề nghị xem xét lại thành tích của đơn vị trong quý IV.',
      },
    ],
  },
);
export type CreateObjectionBody = Static<typeof CreateObjectionBody>;

export const ObjectionReceipt = Type.Object(
  { id: Id, receivedAt: DateTime },
  { additionalProperties: false, description: 'The objection was recorded; the office will answer it' },
);
export type ObjectionReceipt = Static<typeof ObjectionReceipt>;

export const OBJECTION_STATUSES = ['open', 'answered'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];

export const Objection = Type.Object(
  {
    id: Id,
    postingId: Id,
    dossierId: Type.Union([Id, Type.Null()]),
    nomineeName: Type.Union([Type.String(), Type.Null()]),
    name: Type.String(),
    contact: Type.String(),
    content: Type.String(),
    status: StringEnum(OBJECTION_STATUSES, { description: 'open: not yet answered; answered' }),
    answer: Type.Union([Type.String(), Type.Null()]),
    answeredAt: Type.Union([DateTime, Type.Null()]),
    answeredByName: Type.Union([Type.String(), Type.Null()]),
    createdAt: DateTime,
    version: Type.Integer(),
  },
  { additionalProperties: false },
);
export type Objection = Static<typeof Objection>;

export const ObjectionList = Type.Object({ items: Type.Array(Objection) }, { additionalProperties: false });
export type ObjectionList = Static<typeof ObjectionList>;

export const AnswerObjectionBody = Type.Object(
  { answer: Type.String({ minLength: 1, maxLength: OBJECTION_LIMITS.answer }) },
  { additionalProperties: false },
);
export type AnswerObjectionBody = Static<typeof AnswerObjectionBody>;

// ── Decisions ───────────────────────────────────────────────────────────────────────────────────

export const DECISION_STATUSES = ['draft', 'issued'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];
export const DecisionStatus = StringEnum(DECISION_STATUSES, {
  description: 'draft: being prepared by the secretariat; issued: numbered and signed by the leader',
});
export const DECISION_TRANSITIONS = { issue: { from: ['draft'], to: 'issued' } } as const satisfies Record<
  string,
  { from: readonly DecisionStatus[]; to: DecisionStatus }
>;

export const SIGNING_CAPACITIES = ['own', 'deputy'] as const;
export type SigningCapacity = (typeof SIGNING_CAPACITIES)[number];
export const SigningCapacity = StringEnum(SIGNING_CAPACITIES, {
  description:
    'own: the chairman signs (CHỦ TỊCH); deputy: a vice-chairman signs for him (KT. CHỦ TỊCH / PHÓ CHỦ TỊCH)',
});

export const Awardee = Type.Object(
  {
    dossier: Dossier,
    coefficient: Type.Number({ examples: [0.3] }),
    amount: Type.Union([Type.Integer(), Type.Null()], {
      description:
        'Bonus in VND: coefficient × base salary, rounded up to the step; null without a base salary in force',
      examples: [702000],
    }),
  },
  { additionalProperties: false },
);
export type Awardee = Static<typeof Awardee>;

export const Decision = Type.Object(
  {
    id: Id,
    campaignId: Id,
    campaignTitle: Type.String(),
    authorityUnitId: Id,
    authorityName: Type.String(),
    status: DecisionStatus,
    subject: Type.String(),
    grounds: Type.Array(Type.String(), {
      description: 'The legal grounds (căn cứ), one per line; the last ends with "."',
    }),
    recipients: Type.Array(Type.String(), { description: 'Nơi nhận' }),
    fundSource: Type.String(),
    number: Type.Union([Type.String(), Type.Null()], { examples: ['05/QĐ-UBND'] }),
    decidedOn: Type.Union([DateOnly, Type.Null()]),
    signingCapacity: SigningCapacity,
    signerName: Type.String(),
    earlyIssueReason: Type.Union([Type.String(), Type.Null()]),
    awardees: Type.Array(Awardee),
    baseSalary: Type.Union([Type.Integer(), Type.Null()], {
      description: 'The base salary applied (issued) or in force on today (draft); null when none is',
    }),
    roundingStep: Type.Integer(),
    total: Type.Union([Type.Integer(), Type.Null()]),
    posting: Type.Union(
      [
        Type.Object(
          { id: Id, startsOn: DateOnly, endsOn: DateOnly, open: Type.Boolean(), openObjectionCount: Type.Integer() },
          { additionalProperties: false },
        ),
        Type.Null(),
      ],
      { description: "The campaign's latest posting at the authority, if any" },
    ),
    signedFile: Type.Union([FileInfo, Type.Null()]),
    issuedAt: Type.Union([DateTime, Type.Null()]),
    createdAt: DateTime,
    updatedAt: DateTime,
    version: Type.Integer(),
  },
  { additionalProperties: false },
);
export type Decision = Static<typeof Decision>;

export const DecisionListQuery = Type.Object(
  { ...PageQueryProps, campaignId: Type.Optional(Id), status: Type.Optional(DecisionStatus) },
  { additionalProperties: false },
);
export type DecisionListQuery = Static<typeof DecisionListQuery>;

export const DecisionPage = Page(Decision);
export type DecisionPage = Static<typeof DecisionPage>;

const Lines = (max: number) => Type.Array(Type.String({ minLength: 1, maxLength: 1000 }), { maxItems: max });

export const CreateDecisionBody = Type.Object(
  {
    dossierIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 500, uniqueItems: true })),
    authorityUnitId: Type.Optional(Id),
  },
  {
    additionalProperties: false,
    description: 'dossierIds: by default every approved dossier of the campaign at the authority not yet in a decision',
  },
);
export type CreateDecisionBody = Static<typeof CreateDecisionBody>;

export const UpdateDecisionBody = Type.Object(
  {
    subject: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
    grounds: Type.Optional(Lines(30)),
    recipients: Type.Optional(Lines(30)),
    fundSource: Type.Optional(Type.String({ maxLength: 500 })),
    dossierIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 500, uniqueItems: true })),
    signerName: Type.Optional(Type.String({ maxLength: 200 })),
    signingCapacity: Type.Optional(SigningCapacity),
  },
  { additionalProperties: false },
);
export type UpdateDecisionBody = Static<typeof UpdateDecisionBody>;

export const IssueDecisionBody = Type.Object(
  {
    decidedOn: DateOnly,
    signerName: Type.String({ minLength: 1, maxLength: 200 }),
    signingCapacity: SigningCapacity,
    earlyIssueReason: Type.Optional(
      Type.String({
        maxLength: 2000,
        description:
          'Why the decision is issued before the posting period ended (or without a posting); stored and audited',
      }),
    ),
  },
  {
    additionalProperties: false,
    examples: [{ decidedOn: '2026-12-20', signerName: 'Nguyễn Văn An', signingCapacity: 'own' }],
  },
);
export type IssueDecisionBody = Static<typeof IssueDecisionBody>;

export const SignedFileBody = Type.Object(
  { fileId: Id },
  { additionalProperties: false, description: 'The signed scan of the issued decision, uploaded first' },
);
export type SignedFileBody = Static<typeof SignedFileBody>;
