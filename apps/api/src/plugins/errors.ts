/**
 * Maps every error to RFC 9457 problem+json with a stable `code` and a message in the language of
 * Accept-Language. 5xx never carry internals; they are logged with the request id instead.
 */
import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type FieldProblem } from '../lib/errors.ts';
import { hasMessage, message, pickLanguage, title } from '../lib/messages.ts';

export const PROBLEM_BASE = 'https://thidua.local/problems/';

/**
 * A database that cannot be reached or whose connection was lost. "… is not queryable" is pg's answer
 * to a query on a client whose connection already died: a transaction cut mid-way fails its ROLLBACK
 * with it, and that error, not the reset, is what reaches this handler.
 */
function isDatabaseDown(err: unknown): boolean {
  const e = err as { code?: string; message?: string; cause?: unknown };
  if (!e) return false;
  if (
    [
      'ECONNREFUSED',
      'ECONNRESET',
      'EPIPE',
      'ETIMEDOUT',
      'ENOTFOUND',
      '57P01',
      '57P03',
      '08006',
      '08001',
      '08003',
    ].includes(e.code ?? '')
  )
    return true;
  if (
    /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED|Cannot use a pool after calling end|PGlite is closed|^Client (has encountered a connection error|was closed) and is not queryable$/i.test(
      e.message ?? '',
    )
  )
    return true;
  // pg's own bound on opening a connection (the server accepted but never answered).
  if (e.message === 'timeout expired') return true;
  return e.cause ? isDatabaseDown(e.cause) : false;
}

/**
 * busboy's errors for a body that is not the multipart it claims to be: no boundary, a boundary
 * longer than it can search for, or a body cut short. They carry no code, only these messages.
 */
const MALFORMED_MULTIPART =
  /^Multipart: Boundary not found$|^Boundary required$|unexpected end of multipart data|^The needle cannot/i;

export function isMalformedMultipart(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | null;
  return Boolean(e && !e.code && typeof e.message === 'string' && MALFORMED_MULTIPART.test(e.message));
}

/**
 * The client went away before its body arrived (an upload cancelled, a tab closed). Node reports it
 * as ECONNRESET/"aborted" on the request stream, which must not read as a database outage.
 */
function clientAborted(request: FastifyRequest, err: unknown): boolean {
  const raw = request.raw;
  if (raw.aborted || (raw.destroyed && !raw.complete)) return true;
  const code = (err as { code?: string } | null)?.code;
  return code === 'FST_MP_PREMATURE_CLOSE' || (code === 'ECONNRESET' && (err as Error).message === 'aborted');
}

/** A field message in the caller's language for a schema keyword; Ajv's English text when there is none. */
function keywordMessage(
  lang: 'vi' | 'en',
  keyword: string,
  params: Record<string, unknown>,
  fallback: string | undefined,
): string {
  if (!hasMessage(lang, `field.${keyword}`)) return fallback ?? message(lang, 'validation.failed');
  const type = String(params.type ?? '')
    .split(',')
    .map((t) => (hasMessage(lang, `type.${t}`) ? message(lang, `type.${t}`) : t))
    .join(lang === 'vi' ? ' hoặc ' : ' or ');
  const allowed = Array.isArray(params.allowedValues) ? params.allowedValues.join(', ') : '';
  return message(lang, `field.${keyword}`, {
    limit: String(params.limit ?? ''),
    format: String(params.format ?? ''),
    type,
    allowed,
  });
}

function validationProblems(err: FastifyError, lang: 'vi' | 'en'): { code: string; errors: FieldProblem[] } {
  const list = err.validation ?? [];
  let code = 'validation.failed';
  const errors: FieldProblem[] = list.map((v) => {
    const base = v.instancePath || '';
    const params = (v.params ?? {}) as Record<string, unknown>;
    if (v.keyword === 'additionalProperties') {
      code = 'validation.unknown_field';
      const extra = String(params.additionalProperty ?? '');
      return { field: `${base}/${extra}`, code: 'unknown_field', message: message(lang, 'unknown_field') };
    }
    if (v.keyword === 'required') {
      const missing = String(params.missingProperty ?? '');
      return {
        field: `${base}/${missing}`,
        code: 'required',
        message: keywordMessage(lang, 'required', params, v.message),
      };
    }
    return { field: base || '/', code: v.keyword, message: keywordMessage(lang, v.keyword, params, v.message) };
  });
  return { code, errors };
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  params: Record<string, string | number> = {},
  errors: FieldProblem[] = [],
  options: { echoUrl?: boolean } = {},
) {
  const lang = pickLanguage(request.headers['accept-language']);
  const body: Record<string, unknown> = {
    type: PROBLEM_BASE + code,
    title: title(lang, status),
    status,
    code,
    detail: message(
      lang,
      code,
      errors[0] && code === 'validation.unknown_field' ? { ...params, field: errors[0].field } : params,
    ),
    // A URL the router refused is not echoed back (it may be huge, or not text).
    ...(options.echoUrl === false ? {} : { instance: request.url.split('?')[0] }),
    requestId: request.id,
  };
  if (errors.length)
    body.errors = errors.map((e) => ({ field: e.field, code: e.code, message: e.message ?? message(lang, e.code) }));
  return reply
    .status(status)
    .header('content-language', lang)
    .type('application/problem+json; charset=utf-8')
    .send(body);
}

/**
 * Fastify's `frameworkErrors`: what the router refuses before any route runs (a path parameter longer
 * than maxParamLength, a path that is not valid percent-encoding) answers in our problem format too.
 */
export function routerProblem(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH')
    return sendProblem(request, reply, 414, 'request.uri_too_long', {}, [], { echoUrl: false });
  if (err.code === 'FST_ERR_BAD_URL')
    return sendProblem(request, reply, 400, 'request.bad_url', {}, [], { echoUrl: false });
  const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 400;
  return sendProblem(request, reply, status, 'request.malformed', {}, [], { echoUrl: false });
}

export default fp(
  async (app) => {
    app.setErrorHandler((err: FastifyError, request, reply) => {
      if (err instanceof DomainError) {
        for (const [k, v] of Object.entries(err.headers)) reply.header(k, v);
        return sendProblem(request, reply, err.status, err.code, err.params, err.errors);
      }
      if (clientAborted(request, err)) {
        // Nobody is left to read the answer; an abort is the client's choice, not a server fault.
        request.log.info({ code: (err as { code?: string }).code, message: err.message }, 'client aborted the request');
        return sendProblem(request, reply, 400, 'request.aborted');
      }
      if (isMalformedMultipart(err)) return sendProblem(request, reply, 400, 'request.malformed_multipart');
      if (err.validation) {
        const { code, errors } = validationProblems(err, pickLanguage(request.headers['accept-language']));
        return sendProblem(request, reply, 400, code, {}, errors);
      }
      switch (err.code) {
        case 'FST_ERR_CTP_INVALID_JSON_BODY':
        case 'FST_ERR_CTP_EMPTY_JSON_BODY':
          return sendProblem(request, reply, 400, 'request.malformed_json');
        case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
          return sendProblem(request, reply, 415, 'request.unsupported_media_type');
        case 'FST_ERR_CTP_BODY_TOO_LARGE':
        case 'FST_REQ_FILE_TOO_LARGE':
          return sendProblem(request, reply, 413, 'request.too_large');
      }
      if (err instanceof SyntaxError || (err.statusCode === 400 && /JSON|prototype/i.test(err.message))) {
        return sendProblem(request, reply, 400, 'request.malformed_json');
      }
      if (err.statusCode === 429) {
        const retry = Number(reply.getHeader('retry-after') ?? 60);
        return sendProblem(request, reply, 429, 'rate.limited', { seconds: retry });
      }
      const pgCode = (err as { code?: string; cause?: { code?: string } }).cause?.code ?? err.code;
      if (pgCode === '23503') return sendProblem(request, reply, 409, 'reference.in_use');
      if (pgCode === '23505') return sendProblem(request, reply, 409, 'conflict.duplicate');
      // Class 22 (data exception: a value out of range, a NUL byte, an unreadable number …) is a value
      // the client sent that slipped past the schema: a client error, logged so the schema gets fixed.
      if (typeof pgCode === 'string' && /^22[0-9A-Z]{3}$/.test(pgCode)) {
        request.log.warn({ err }, 'value refused by the database');
        return sendProblem(request, reply, 400, 'validation.failed');
      }
      if (isDatabaseDown(err)) {
        request.log.error({ err }, 'database unavailable');
        reply.header('retry-after', '5');
        return sendProblem(request, reply, 503, 'service.unavailable');
      }
      if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
        return sendProblem(request, reply, err.statusCode, 'validation.failed');
      }
      request.log.error({ err }, 'unhandled error');
      return sendProblem(request, reply, 500, 'internal.error');
    });
  },
  { name: 'errors' },
);
