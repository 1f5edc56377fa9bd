/**
 * Evidence files (tài liệu kiểm chứng): uploaded once through `POST /api/v1/files`, then attached by
 * id to submissions, findings, initiatives … The server decides the media type from the bytes, never
 * from the client's header or the file name.
 */
import Type, { type Static } from 'typebox';
import { DateTime, Id } from './common.ts';

/**
 * The allow-list: media type → the extensions a file of that type may carry. Anything else (an
 * executable, HTML, plain text, a zip that is not DOCX/XLSX …) is refused with 415.
 */
export const ALLOWED_FILE_TYPES = {
  'application/pdf': ['pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
} as const satisfies Record<string, readonly string[]>;
export type AllowedMediaType = keyof typeof ALLOWED_FILE_TYPES;

/** For an `<input type="file" accept>`: the allowed extensions and media types. */
export const FILE_ACCEPT = [
  ...Object.values(ALLOWED_FILE_TYPES)
    .flat()
    .map((e) => `.${e}`),
  ...Object.keys(ALLOWED_FILE_TYPES),
].join(',');

export const FileInfo = Type.Object(
  {
    id: Id,
    name: Type.String({
      description: 'The original file name (sanitised), for display and download',
      examples: ['Báo cáo thi đua quý I.pdf'],
    }),
    mediaType: Type.String({ description: 'Detected from the content (magic bytes)', examples: ['application/pdf'] }),
    size: Type.Integer({ minimum: 0, description: 'Bytes', examples: [183204] }),
    sha256: Type.String({
      pattern: '^[0-9a-f]{64}$',
      description: 'SHA-256 of the content, hex',
      examples: ['9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'],
    }),
    unitId: Type.Union([Id, Type.Null()], {
      description: 'The unit that owns the file; null for a file of the authority itself',
    }),
    personId: Type.Union([Id, Type.Null()], {
      description: 'The staff member the file belongs to, for individual evidence',
    }),
    uploadedById: Id,
    attached: Type.Boolean({ description: 'Attached to something (then it can no longer be deleted)' }),
    createdAt: DateTime,
  },
  { additionalProperties: false },
);
export type FileInfo = Static<typeof FileInfo>;

/**
 * The multipart body of an upload, for the documentation only: the server reads the stream itself
 * (a file is never buffered whole in memory), so this schema is not used to validate.
 */
export const FileUploadBody = Type.Object(
  {
    unitId: Type.Optional(
      Type.String({
        description:
          'Owner unit, for authority-wide roles uploading on behalf of a unit (unit roles upload for their own unit). Send it before the file part.',
        examples: ['un_01jd8w3k9q'],
      }),
    ),
    file: Type.String({
      format: 'binary',
      description: 'The file: PDF, DOCX, XLSX, PNG or JPEG, within the size limit',
    }),
  },
  { additionalProperties: false },
);
