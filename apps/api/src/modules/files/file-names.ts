/**
 * File names as people give them ("Báo cáo tổng kết 2022.docx") are kept for display and download,
 * but never trusted: no path parts, no control or bidi-override characters (which can disguise
 * "gpj.exe" as "exe.jpg"), no characters Windows cannot save, a bounded length, and an extension
 * that matches the type detected from the content.
 */
import { ALLOWED_FILE_TYPES, type AllowedMediaType } from '@thidua/contract';

const MAX_NAME_LENGTH = 180;
const DEFAULT_BASE = 'Tệp đính kèm';

function splitExtension(name: string): { base: string; ext: string } {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || dot === name.length - 1) return { base: name, ext: '' };
  return { base: name.slice(0, dot), ext: name.slice(dot + 1) };
}

/** The name to store for an upload of the given (detected) type. */
export function sanitizeFileName(raw: string | undefined, mediaType: AllowedMediaType): string {
  let name = (raw ?? '').normalize('NFC');
  // Browsers on Windows once sent "C:\fakepath\x.pdf"; keep only the last segment.
  name = name.split(/[\\/]/).pop() ?? '';
  // Control, zero-width and bidi-override characters hide a file's real name: drop them.
  name = name
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');

  const allowed: readonly string[] = ALLOWED_FILE_TYPES[mediaType];
  let { base, ext } = splitExtension(name);
  if (!allowed.includes(ext.toLowerCase())) {
    // A PNG named "bao-cao.pdf" is saved as "bao-cao.pdf.png": what it is, not what it claimed.
    base = name;
    ext = allowed[0]!;
  }
  base = base.trim() || DEFAULT_BASE;
  const room = MAX_NAME_LENGTH - ext.length - 1;
  const chars = [...base];
  if (chars.length > room) base = chars.slice(0, room).join('').trim();
  return `${base}.${ext}`;
}

/** An ASCII stand-in for old clients: diacritics dropped (đ → d), anything else odd → "_". */
export function asciiFileName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\%;]/g, '_');
}

/** RFC 6266 / RFC 5987: an ASCII `filename` fallback and the exact UTF-8 name in `filename*`. */
export function attachmentDisposition(name: string): string {
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  return `attachment; filename="${asciiFileName(name)}"; filename*=UTF-8''${encoded}`;
}
