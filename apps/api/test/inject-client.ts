/**
 * A supertest-shaped client over Fastify's `app.inject()`: the same chain the tests already write
 * (get/post/…, set, send, query, field, attach, buffer, parse, then) without opening a socket per
 * request. Tests where the socket is the point (client aborts, streaming, a database relay) use
 * `supertest(t.app.server)` instead.
 */
import { Readable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions } from 'fastify';

type Parser = (res: Readable, cb: (err: Error | null, body: unknown) => void) => void;

export interface InjectResponse {
  status: number;
  /** Parsed JSON for JSON answers, what `parse()` produced when given, `{}` otherwise (as supertest). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  text: string;
  headers: Record<string, string>;
  /** The raw bytes of the answer. */
  rawPayload: Buffer;
  /** The request it answers (as supertest's `res.req`, for failure messages). */
  req: { method: string; path: string };
}

interface Part {
  name: string;
  value: Buffer | string;
  filename?: string;
  contentType?: string;
}

type AttachOptions = string | { filename?: string; contentType?: string };

export class InjectRequest implements PromiseLike<InjectResponse> {
  private readonly headers: Record<string, string> = {};
  private readonly queryParams = new URLSearchParams();
  private payload: string | Buffer | undefined;
  private parts: Part[] | undefined;
  private parser: Parser | undefined;

  constructor(
    private readonly app: FastifyInstance,
    private readonly method: NonNullable<InjectOptions['method']>,
    private readonly url: string,
  ) {}

  set(name: string | Record<string, string>, value?: string): this {
    if (typeof name === 'object') for (const [k, v] of Object.entries(name)) this.headers[k.toLowerCase()] = v;
    else this.headers[name.toLowerCase()] = value!;
    return this;
  }

  query(params: Record<string, unknown> | string): this {
    if (typeof params === 'string') for (const [k, v] of new URLSearchParams(params)) this.queryParams.append(k, v);
    else for (const [k, v] of Object.entries(params)) if (v !== undefined) this.queryParams.append(k, String(v));
    return this;
  }

  /** An object or array goes as JSON; a string or Buffer as is (a string is a form unless a type is set, as in supertest). */
  send(body: unknown): this {
    if (typeof body === 'string' || Buffer.isBuffer(body)) {
      this.payload = body;
      if (typeof body === 'string') this.headers['content-type'] ??= 'application/x-www-form-urlencoded';
    } else {
      this.payload = JSON.stringify(body);
      this.headers['content-type'] ??= 'application/json';
    }
    return this;
  }

  field(name: string, value: string): this {
    (this.parts ??= []).push({ name, value });
    return this;
  }

  attach(name: string, content: Buffer, options?: AttachOptions): this {
    const o = typeof options === 'string' ? { filename: options } : (options ?? {});
    (this.parts ??= []).push({
      name,
      value: content,
      filename: o.filename ?? 'file',
      contentType: o.contentType ?? 'application/octet-stream',
    });
    return this;
  }

  /** supertest's switch to buffer any body; the inject response is always buffered. */
  buffer(_on = true): this {
    return this;
  }

  /** A custom body parser, called with a stream of the answer's bytes (as supertest's `.parse`). */
  parse(parser: Parser): this {
    this.parser = parser;
    return this;
  }

  async execute(): Promise<InjectResponse> {
    let payload = this.payload;
    const headers = { ...this.headers };
    if (this.parts) {
      const boundary = `----thidua${randomBytes(12).toString('hex')}`;
      payload = multipart(this.parts, boundary);
      headers['content-type'] = `multipart/form-data; boundary=${boundary}`;
    }
    const qs = this.queryParams.toString();
    const url = qs ? `${this.url}${this.url.includes('?') ? '&' : '?'}${qs}` : this.url;
    const res = await this.app.inject({ method: this.method, url, headers, payload });
    const raw = res.rawPayload;
    const type = String(res.headers['content-type'] ?? '');
    let body: unknown = {};
    if (this.parser) {
      const parser = this.parser;
      body = await new Promise((resolve, reject) =>
        parser(Readable.from(raw.length ? [raw] : []), (err, parsed) => (err ? reject(err) : resolve(parsed))),
      );
    } else if (/[/+]json\b/.test(type) && raw.length) {
      body = JSON.parse(raw.toString('utf8'));
    }
    // As a socket client sees them: Set-Cookie always a list.
    const resHeaders = { ...res.headers } as Record<string, string>;
    const cookies = res.headers['set-cookie'];
    if (typeof cookies === 'string') (resHeaders as Record<string, unknown>)['set-cookie'] = [cookies];
    return {
      status: res.statusCode,
      body,
      text: raw.toString('utf8'),
      headers: resHeaders,
      rawPayload: raw,
      req: { method: this.method, path: url },
    };
  }

  then<R1 = InjectResponse, R2 = never>(
    onFulfilled?: ((value: InjectResponse) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.execute().then(onFulfilled, onRejected);
  }
}

function multipart(parts: Part[], boundary: string): Buffer {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"`;
    if (p.filename !== undefined) head += `; filename="${p.filename}"\r\nContent-Type: ${p.contentType}`;
    chunks.push(Buffer.from(`${head}\r\n\r\n`), Buffer.from(p.value), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

export interface InjectClient {
  get(url: string): InjectRequest;
  post(url: string): InjectRequest;
  put(url: string): InjectRequest;
  patch(url: string): InjectRequest;
  delete(url: string): InjectRequest;
  head(url: string): InjectRequest;
  options(url: string): InjectRequest;
}

export function injectClient(app: FastifyInstance): InjectClient {
  return {
    get: (url) => new InjectRequest(app, 'GET', url),
    post: (url) => new InjectRequest(app, 'POST', url),
    put: (url) => new InjectRequest(app, 'PUT', url),
    patch: (url) => new InjectRequest(app, 'PATCH', url),
    delete: (url) => new InjectRequest(app, 'DELETE', url),
    head: (url) => new InjectRequest(app, 'HEAD', url),
    options: (url) => new InjectRequest(app, 'OPTIONS', url),
  };
}
