/**
 * Request bodies: JSON only (plus the multipart parsers that upload routes register for themselves).
 * Fastify's default JSON parser reports a `__proto__` key as "malformed JSON" and lets NUL characters
 * through to PostgreSQL (which refuses them with a 500). This parser answers both as the field errors
 * they are, and the text/plain parser is dropped so that a text body is 415, not a string that fails
 * a schema with "must be object".
 */
import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../lib/errors.ts';

const pointer = (path: string, key: string) => `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;

/** The first problem in a parsed JSON value: a prototype-polluting key or a NUL character. Iterative: nesting depth cannot overflow the stack. */
export function jsonBodyProblem(value: unknown): DomainError | null {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length) {
    const [node, path] = stack.pop()!;
    if (typeof node === 'string') {
      if (node.includes('\u0000'))
        return new DomainError(400, 'validation.failed', {}, [{ field: path || '/', code: 'nul_character' }]);
    } else if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push([node[i], `${path}/${i}`]);
    } else if (node !== null && typeof node === 'object') {
      const keys = Object.keys(node);
      for (const key of keys) {
        const child = (node as Record<string, unknown>)[key];
        // JSON.parse makes "__proto__" an own property; merged into another object it would set that object's prototype.
        if (
          key === '__proto__' ||
          (key === 'constructor' && child !== null && typeof child === 'object' && Object.hasOwn(child, 'prototype'))
        ) {
          return new DomainError(400, 'validation.unknown_field', {}, [
            { field: pointer(path, key), code: 'unknown_field' },
          ]);
        }
        if (key.includes('\u0000'))
          return new DomainError(400, 'validation.failed', {}, [{ field: pointer(path, key), code: 'nul_character' }]);
      }
      for (let i = keys.length - 1; i >= 0; i--)
        stack.push([(node as Record<string, unknown>)[keys[i]!], pointer(path, keys[i]!)]);
    }
  }
  return null;
}

export default fp(
  async (app) => {
    app.removeContentTypeParser('text/plain');
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser(
      'application/json',
      { parseAs: 'string' },
      (_request: FastifyRequest, body: string | Buffer, done: (err: Error | null, body?: unknown) => void) => {
        const text = typeof body === 'string' ? body : body.toString('utf8');
        if (text.length === 0) return done(new DomainError(400, 'request.malformed_json'));
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch {
          // Malformed text, or nesting deep enough to exhaust JSON.parse's stack.
          return done(new DomainError(400, 'request.malformed_json'));
        }
        done(jsonBodyProblem(value), value);
      },
    );
  },
  { name: 'body' },
);
