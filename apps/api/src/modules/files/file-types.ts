/**
 * The type of an upload is decided by its bytes (magic numbers, and for DOCX/XLSX the entries of the
 * zip), never by the client's Content-Type or the file name: a renamed executable, an HTML page or a
 * plain zip is refused whatever it is called.
 */
import { fileTypeFromFile } from 'file-type';
import { ALLOWED_FILE_TYPES, type AllowedMediaType } from '@thidua/contract';

export function isAllowedMediaType(mime: string): mime is AllowedMediaType {
  return Object.hasOwn(ALLOWED_FILE_TYPES, mime);
}

/** The allowed media type of the file at `path`, or null when it is none of them. */
export async function detectAllowedType(path: string): Promise<AllowedMediaType | null> {
  const detected = await fileTypeFromFile(path);
  if (!detected || !isAllowedMediaType(detected.mime)) return null;
  return detected.mime;
}
