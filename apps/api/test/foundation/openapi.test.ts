/**
 * The OpenAPI document: valid OpenAPI 3.1 (checked by an independent validator), and every route of
 * the route table documented with a tag, a summary and its error answers. Generated from
 * `app.routeAccess`, so routes added later are held to the same rule.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { ROLES, rolesWith } from '@thidua/contract';
import { createTestApp } from '../helpers.ts';

const t = await createTestApp();
afterAll(() => t.close());

const res = await t.api.get('/api/v1/openapi.json');
const doc = res.body as {
  openapi: string;
  info: { title: string; version: string };
  tags: { name: string }[];
  paths: Record<
    string,
    Record<
      string,
      {
        tags?: string[];
        summary?: string;
        description?: string;
        'x-permission'?: string;
        responses?: Record<string, unknown>;
        security?: unknown[];
      }
    >
  >;
  components: { securitySchemes?: Record<string, unknown>; schemas?: Record<string, unknown> };
};

const OPENAPI_ROUTE = '/api/v1/openapi.json';
const toOpenApiPath = (url: string) => url.replace(/:(\w+)(\([^)]*\))?/g, '{$1}');
const routes = t.app.routeAccess.filter((r) => r.url !== OPENAPI_ROUTE);

describe('the document', () => {
  it('is served publicly as OpenAPI 3.1.0', () => {
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBeTruthy();
  });

  it('is valid according to the OpenAPI 3.1 schema, and every $ref resolves', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc) as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    expect(() => validator.resolveRefs()).not.toThrow();
  });

  it('declares bearer authentication, and every tag used is described', () => {
    expect(doc.components.securitySchemes?.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    const declared = new Set(doc.tags.map((x) => x.name));
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops))
        for (const tag of op.tags ?? []) expect(declared, `${method} ${path} tag ${tag}`).toContain(tag);
    }
  });
});

describe.each(routes.map((r) => [`${r.method} ${r.url}`, r] as const))('%s', (_name, route) => {
  it('is documented with a tag, a summary and at least one 4xx answer; protected routes name bearer auth', () => {
    const op = doc.paths[toOpenApiPath(route.url)]?.[route.method.toLowerCase()];
    expect(op, `missing from paths: ${toOpenApiPath(route.url)} ${route.method}`).toBeDefined();
    expect(op!.tags?.length).toBeGreaterThan(0);
    expect(op!.summary?.trim()).toBeTruthy();
    // What it takes to call it, as the route declares it, readable by integrators.
    expect(op!['x-permission']).toBe(route.access);
    if (route.access !== 'public' && route.access !== 'authenticated') {
      expect(op!.description).toContain(`\`${route.access}\``);
      for (const role of rolesWith(route.access)) expect(op!.description).toContain(role);
    }
    const fourXX = Object.keys(op!.responses ?? {}).filter((code) => /^4\d\d$/.test(code));
    expect(fourXX.length, 'no 4xx response documented').toBeGreaterThan(0);
    // Errors are documented as what is sent: application/problem+json with the one Problem schema
    // (a route may document a 4xx of its own shape, e.g. an import's row report, but not a Problem
    // under another content type).
    const problemAnswers = fourXX.filter((code) => {
      const answer = op!.responses![code] as {
        content?: Record<string, { schema?: { $ref?: string; description?: string } }>;
      };
      const entries = Object.entries(answer.content ?? {});
      const mentionsProblem = entries.some(
        ([, c]) =>
          c.schema?.$ref === '#/components/schemas/Problem' ||
          c.schema?.description === 'application/problem+json (RFC 9457)',
      );
      if (mentionsProblem)
        expect(
          entries.map(([type, c]) => [type, c.schema?.$ref]),
          `${code} answer`,
        ).toEqual([['application/problem+json', '#/components/schemas/Problem']]);
      return mentionsProblem;
    });
    expect(problemAnswers.length, 'no problem+json error documented').toBeGreaterThan(0);
    if (route.access === 'public') return;
    expect(problemAnswers).toContain('401');
    expect(op!.security).toEqual([{ bearerAuth: [] }]);
    expect(fourXX).toContain('401');
    if (route.access !== 'authenticated' && rolesWith(route.access).length < ROLES.length)
      expect(fourXX, 'a route some roles may not call must document 403').toContain('403');
  });
});
