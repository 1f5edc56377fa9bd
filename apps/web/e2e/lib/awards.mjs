/** Steps shared by the award browser tests. */
import zlib from 'node:zlib';

/**
 * The paragraphs of a DOCX's body (word/document.xml out of the zip, read with Node's zlib), each
 * the concatenation of its runs' text — to read a downloaded document back.
 */
export function docxParagraphs(bytes) {
  const buf = Buffer.from(bytes);
  // The end of central directory record: the last "PK\x05\x06".
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip file');
  const entries = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  let xml = null;
  for (let i = 0; i < entries; i++) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    if (name === 'word/document.xml') {
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + size);
      xml = (method === 0 ? data : zlib.inflateRawSync(data)).toString('utf8');
      break;
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  if (xml === null) throw new Error('no word/document.xml in the file');
  const decode = (s) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    decode([...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
  );
}
