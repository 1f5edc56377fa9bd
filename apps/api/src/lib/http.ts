/** HTTP conventions shared by all routes: ETag / If-Match and list pagination. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { MAX_PAGE_SIZE } from '@thidua/contract';
import { PreconditionFailed, PreconditionRequired } from './errors.ts';

export function etagOf(version: number): string {
  return `"v${version}"`;
}

export function setEtag(reply: FastifyReply, version: number): void {
  reply.header('etag', etagOf(version));
}

/** The version a PATCH expects, from If-Match: 428 without it, 412 when it is not an ETag we issue. */
export function requireIfMatch(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  if (!header) throw PreconditionRequired();
  const m = /^(?:W\/)?"v(\d+)"$/.exec(String(header).trim());
  if (!m) throw PreconditionFailed();
  return Number(m[1]);
}

export function pageParams(query: { page?: number | undefined; pageSize?: number | undefined }) {
  const page = Math.max(1, query.page ?? 1);
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, query.pageSize ?? 20));
  return { page, pageSize, offset: (page - 1) * pageSize };
}
