/**
 * A tiny in-process stand-in for an S3-compatible server (path-style only): PutObject (checking
 * Content-MD5 like S3 does), GetObject, HeadObject, DeleteObject, ListObjectsV2. Enough to test the
 * requests the S3 blob store builds and the whole upload path against them; not a real S3.
 */
import http from 'node:http';
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';

export interface FakeObject {
  body: Buffer;
  modified: Date;
  metadata: Record<string, string>;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function error(res: http.ServerResponse, status: number, code: string) {
  res.writeHead(status, { 'content-type': 'application/xml' });
  res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`);
}

export async function startFakeS3(bucket: string) {
  const objects = new Map<string, FakeObject>();
  const requests: RecordedRequest[] = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://fake');
    requests.push({ method: req.method ?? '', path: url.pathname, headers: req.headers });
    const [, b, ...rest] = url.pathname.split('/');
    if (b !== bucket) return error(res, 404, 'NoSuchBucket');
    const key = decodeURIComponent(rest.join('/'));

    if (req.method === 'PUT' && key) {
      const md5 = req.headers['content-md5'];
      if (md5 && createHash('md5').update(body).digest('base64') !== md5) return error(res, 400, 'BadDigest');
      const metadata: Record<string, string> = {};
      for (const [h, v] of Object.entries(req.headers))
        if (h.startsWith('x-amz-meta-')) metadata[h.slice(11)] = String(v);
      objects.set(key, { body, modified: new Date(), metadata });
      res.writeHead(200, { etag: `"${createHash('md5').update(body).digest('hex')}"` });
      return res.end();
    }
    if ((req.method === 'GET' || req.method === 'HEAD') && key) {
      const o = objects.get(key);
      if (!o) {
        if (req.method === 'HEAD') {
          res.writeHead(404);
          return res.end();
        }
        return error(res, 404, 'NoSuchKey');
      }
      res.writeHead(200, {
        'content-length': String(o.body.length),
        'content-type': 'application/octet-stream',
        'last-modified': o.modified.toUTCString(),
      });
      return res.end(req.method === 'GET' ? o.body : undefined);
    }
    if (req.method === 'DELETE' && key) {
      objects.delete(key);
      res.writeHead(204);
      return res.end();
    }
    if (req.method === 'GET' && !key && url.searchParams.get('list-type') === '2') {
      const prefix = url.searchParams.get('prefix') ?? '';
      const all = [...objects.entries()].filter(([k]) => k.startsWith(prefix)).sort(([a], [b]) => a.localeCompare(b));
      // Pages of two, so that the store's pagination is exercised.
      const start = Number(url.searchParams.get('continuation-token') ?? 0);
      const page = all.slice(start, start + 2);
      const truncated = start + 2 < all.length;
      const contents = page
        .map(
          ([k, o]) =>
            `<Contents><Key>${xmlEscape(k)}</Key><LastModified>${o.modified.toISOString()}</LastModified><Size>${o.body.length}</Size></Contents>`,
        )
        .join('');
      res.writeHead(200, { 'content-type': 'application/xml' });
      return res.end(
        `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>${bucket}</Name><Prefix>${xmlEscape(prefix)}</Prefix><KeyCount>${page.length}</KeyCount><MaxKeys>2</MaxKeys><IsTruncated>${truncated}</IsTruncated>${contents}${truncated ? `<NextContinuationToken>${start + 2}</NextContinuationToken>` : ''}</ListBucketResult>`,
      );
    }
    return error(res, 400, 'NotImplemented');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    objects,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
