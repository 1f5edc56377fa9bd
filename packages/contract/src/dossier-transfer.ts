/**
 * Proposals upward (hồ sơ đề nghị cấp trên khen thưởng). Within one installation an approved
 * dossier whose award type the authority may not grant is forwarded to the nearest higher authority
 * that may: a copy enters that authority's reception queue, the original is `forwarded`, and the
 * commune follows the chain. Across installations the dossier travels as one ZIP package: its
 * documents (one folder per kind, original names) and `manifest.json` (DossierPackageManifest).
 */
import Type, { type Static } from 'typebox';
import { DateTime, Id } from './common.ts';
import { DossierDocumentKind, DossierStatus, NomineeKind } from './dossiers.ts';

/** The manifest format this version writes and reads. */
export const DOSSIER_PACKAGE_FORMAT = 1;

export const ForwardDossierResult = Type.Object(
  {
    original: Type.Object({ id: Id, status: DossierStatus, version: Type.Integer() }, { additionalProperties: false }),
    copy: Type.Object(
      {
        id: Id,
        authorityUnitId: Id,
        authorityName: Type.String({ examples: ['UBND tỉnh Hà Tĩnh'] }),
        status: DossierStatus,
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type ForwardDossierResult = Static<typeof ForwardDossierResult>;

/** Where a dossier is forwarded if it is: the nearest higher authority that may grant its award type. */
export const ForwardTarget = Type.Object(
  {
    needed: Type.Boolean({ description: 'false: the dossier’s authority may grant the award type itself' }),
    authorityUnitId: Type.Union([Id, Type.Null()]),
    authorityName: Type.Union([Type.String(), Type.Null()], { examples: ['UBND tỉnh Hà Tĩnh'] }),
    legalReference: Type.String({ examples: ['Điều 80 Luật Thi đua, khen thưởng số 06/2022/QH15'] }),
  },
  { additionalProperties: false },
);
export type ForwardTarget = Static<typeof ForwardTarget>;

export const ForwardingStep = Type.Object(
  {
    dossierId: Id,
    authorityUnitId: Id,
    authorityName: Type.String({ examples: ['UBND xã Thạch Hải'] }),
    status: DossierStatus,
    submittedAt: Type.Union([DateTime, Type.Null()]),
    receiptNumber: Type.Union([Type.String(), Type.Null()], { examples: ['15/TN-UBND'] }),
    receivedAt: Type.Union([DateTime, Type.Null()]),
    decisionNumber: Type.Union([Type.String(), Type.Null()], { examples: ['12/QĐ-UBND'] }),
    decidedOn: Type.Union([Type.String(), Type.Null()]),
    /** When this step was forwarded onward (its successor's submission). */
    forwardedAt: Type.Union([DateTime, Type.Null()]),
  },
  { additionalProperties: false },
);
export type ForwardingStep = Static<typeof ForwardingStep>;

export const DossierForwarding = Type.Object(
  {
    dossierId: Id,
    /** The original first, then each copy at a higher authority. */
    steps: Type.Array(ForwardingStep),
    /** Where an approved dossier beyond its authority's power would go (null when it is not approved here). */
    target: Type.Union([ForwardTarget, Type.Null()]),
  },
  { additionalProperties: false },
);
export type DossierForwarding = Static<typeof DossierForwarding>;

const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the content, lowercase hex' });

export const DossierPackageDocument = Type.Object(
  {
    kind: DossierDocumentKind,
    source: Type.Union([Type.Literal('uploaded'), Type.Literal('drafted')]),
    name: Type.String({ minLength: 1, maxLength: 255, examples: ['To trinh de nghi.pdf'] }),
    mediaType: Type.String({ minLength: 1, maxLength: 200, examples: ['application/pdf'] }),
    size: Type.Integer({ minimum: 0 }),
    sha256: Sha256,
    /** Path of the entry inside the ZIP: `<kind>/<name>`. */
    path: Type.String({ minLength: 1, maxLength: 400, examples: ['proposal_letter/To trinh de nghi.pdf'] }),
  },
  { additionalProperties: false },
);
export type DossierPackageDocument = Static<typeof DossierPackageDocument>;

export const DossierPackageCouncilResult = Type.Object(
  {
    result: Type.Union([Type.Literal('passed'), Type.Literal('failed'), Type.Null()]),
    votesFor: Type.Union([Type.Integer(), Type.Null()]),
    votesAgainst: Type.Union([Type.Integer(), Type.Null()]),
    votesAbstain: Type.Union([Type.Integer(), Type.Null()]),
    heldAt: Type.Union([DateTime, Type.Null()]),
    minutesNumber: Type.Union([Type.String(), Type.Null()], { examples: ['03/BB-HĐTĐKT'] }),
  },
  { additionalProperties: false },
);

/**
 * `manifest.json` of a dossier package (ZIP) exchanged between installations. The receiving side
 * checks every document's size and SHA-256 against it.
 */
export const DossierPackageManifest = Type.Object(
  {
    formatVersion: Type.Literal(DOSSIER_PACKAGE_FORMAT),
    exportedAt: DateTime,
    /** PUBLIC_URL of the installation that exported it, when configured. */
    sourceInstallation: Type.Union([Type.String({ maxLength: 500 }), Type.Null()]),
    sourceDossierId: Id,
    authority: Type.Object(
      { code: Type.String(), name: Type.String({ examples: ['UBND xã Thạch Hải'] }) },
      { additionalProperties: false },
    ),
    campaign: Type.Object(
      {
        title: Type.String({ examples: ['Thi đua cải cách hành chính năm 2022'] }),
        number: Type.String({ examples: ['125/KH-UBND'] }),
      },
      { additionalProperties: false },
    ),
    nominee: Type.Object(
      {
        kind: NomineeKind,
        unitName: Type.String({ minLength: 1, maxLength: 300 }),
        personName: Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Null()]),
      },
      { additionalProperties: false },
    ),
    awardType: Type.Object(
      {
        code: Type.String({ minLength: 1, maxLength: 100, examples: ['bang_khen_collective'] }),
        name: Type.String(),
      },
      { additionalProperties: false },
    ),
    achievement: Type.String({ maxLength: 20000 }),
    receiptNumber: Type.Union([Type.String(), Type.Null()]),
    councilResult: Type.Union([DossierPackageCouncilResult, Type.Null()]),
    documents: Type.Array(DossierPackageDocument, { maxItems: 20 }),
  },
  {
    $id: 'DossierPackageManifest',
    additionalProperties: false,
    description: 'manifest.json of a dossier package (ZIP: documents in a folder per kind, and this manifest)',
  },
);
export type DossierPackageManifest = Static<typeof DossierPackageManifest>;

/** The multipart fields of `POST /api/v1/reception/dossier-packages` besides the `file` (the ZIP). */
export const ImportDossierPackageFields = Type.Object(
  {
    file: Type.String({ format: 'binary', description: 'The dossier package (ZIP)' }),
    campaignId: Id,
    unitId: Type.String({ description: 'The local unit under which the nominee is filed' }),
  },
  { additionalProperties: false },
);
