/**
 * The reception desk (bộ phận tiếp nhận và trả kết quả, Trung tâm Hành chính công): the queue of
 * submitted dossiers, their receipt with a number from the authority's 'TN' register, the
 * completeness checklist, and the return for supplement with reasons.
 *
 * A dossier returned after its receipt and submitted again keeps its FIRST receipt number: the
 * second receipt records its own date (receivedAt, the date the council's time counts from) and
 * who received it, and the audit log keeps every receipt. A dossier returned before any receipt
 * gets its number when it is first received.
 */
import Type, { type Static, type TSchema } from 'typebox';
import { Id, PageQueryProps, StringEnum } from './common.ts';
import { Dossier } from './dossiers.ts';

/** The completeness checklist of the desk, in its order: key, Vietnamese label, English label. */
export const RECEPTION_CHECKLIST = [
  {
    key: 'proposal_letter_signed',
    vi: 'Tờ trình đề nghị có chữ ký, đóng dấu',
    en: 'Proposal letter signed and sealed',
  },
  {
    key: 'achievement_report_signed',
    vi: 'Báo cáo thành tích có chữ ký, xác nhận của cấp trình',
    en: 'Achievement report signed and endorsed',
  },
  { key: 'minutes_signed', vi: 'Biên bản họp xét có chữ ký', en: 'Minutes of the consideration meeting signed' },
  {
    key: 'initiative_recognised',
    vi: 'Sáng kiến đã được công nhận (danh hiệu cần sáng kiến)',
    en: 'Initiative recognised (titles that need one)',
  },
  {
    key: 'list_matches',
    vi: 'Danh sách đề nghị khớp giữa tờ trình và biên bản',
    en: 'The proposed list matches between the letter and the minutes',
  },
  { key: 'form_correct', vi: 'Đúng mẫu theo Nghị định 152/2025/NĐ-CP', en: 'Forms as in Decree 152/2025' },
  { key: 'within_deadline', vi: 'Nộp trong thời hạn của đợt thi đua', en: 'Filed before the campaign’s deadline' },
] as const;
export type ReceptionChecklistKey = (typeof RECEPTION_CHECKLIST)[number]['key'];
export const RECEPTION_CHECKLIST_KEYS = RECEPTION_CHECKLIST.map((i) => i.key) as ReceptionChecklistKey[];

/** The checklist as sent and stored: item key → checked (items left out are unchanged, or unchecked on receipt). */
const checklistItems: Record<string, TSchema> = Object.fromEntries(
  RECEPTION_CHECKLIST.map((i) => [i.key, Type.Optional(Type.Boolean({ description: i.vi }))]),
);
export const ReceptionChecklist = Type.Object(checklistItems, {
  additionalProperties: false,
  description: 'The completeness checklist: item key → checked',
});
export type ReceptionChecklist = Partial<Record<ReceptionChecklistKey, boolean>>;

/**
 * Working days a dossier may wait at the desk before the queue highlights it, until the authority's
 * award settings carry a value of their own (the queue page says which limit applies).
 */
export const RECEPTION_DEFAULT_LIMIT_WORKING_DAYS = 5;

/**
 * Working days the authority takes to settle a received dossier, printed on the receipt as the date
 * the result is due (ngày hẹn trả kết quả), until the award settings carry a value of their own.
 */
export const RECEPTION_DEFAULT_PROCESSING_WORKING_DAYS = 20;

/** The statuses the queue shows. */
export const RECEPTION_QUEUE_STATUSES = ['submitted', 'received', 'returned'] as const;
export type ReceptionQueueStatus = (typeof RECEPTION_QUEUE_STATUSES)[number];

export const ReceptionQueueQuery = Type.Object(
  {
    ...PageQueryProps,
    status: Type.Optional(
      StringEnum(RECEPTION_QUEUE_STATUSES, {
        description: 'submitted (the default: waiting, oldest first), received or returned (latest first)',
      }),
    ),
    campaignId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type ReceptionQueueQuery = Static<typeof ReceptionQueueQuery>;

export const ReceptionDossier = Type.Object(
  {
    ...Dossier.properties,
    waitingWorkingDays: Type.Integer({
      minimum: 0,
      description:
        'Working days from submission until now, or until the receipt once received (weekends and public holidays excluded)',
    }),
    receivedWorkingDays: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], {
      description: 'Working days since the receipt (null until received)',
    }),
  },
  { additionalProperties: false },
);
export type ReceptionDossier = Static<typeof ReceptionDossier>;

export const ReceptionQueuePage = Type.Object(
  {
    items: Type.Array(ReceptionDossier),
    page: Type.Integer(),
    pageSize: Type.Integer(),
    total: Type.Integer(),
    limitWorkingDays: Type.Integer({
      description: 'Working days a dossier may wait before it is overdue at the desk (rows above it are highlighted)',
    }),
  },
  { additionalProperties: false },
);
export type ReceptionQueuePage = Static<typeof ReceptionQueuePage>;

export const ReceiveDossierBody = Type.Object(
  { checklist: Type.Optional(ReceptionChecklist) },
  { additionalProperties: false },
);
export type ReceiveDossierBody = Static<typeof ReceiveDossierBody>;

export const UpdateChecklistBody = Type.Object({ checklist: ReceptionChecklist }, { additionalProperties: false });
export type UpdateChecklistBody = Static<typeof UpdateChecklistBody>;

export const ReturnDossierBody = Type.Object(
  {
    reasons: Type.Array(Type.String({ minLength: 1, maxLength: 1000 }), {
      minItems: 1,
      maxItems: 50,
      description: 'What is missing or wrong, one item each',
    }),
    note: Type.Optional(Type.String({ maxLength: 4000 })),
  },
  { additionalProperties: false },
);
export type ReturnDossierBody = Static<typeof ReturnDossierBody>;
