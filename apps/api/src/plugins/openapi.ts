/** OpenAPI 3.1 at /api/v1/openapi.json and interactive docs at /api/docs, from the routes' TypeBox schemas. */
import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { PERMISSIONS, Problem, type Scope } from '@thidua/contract';
import type { Access } from './auth.ts';

const PROBLEM_DESCRIPTION = (Problem as { description?: string }).description;

type OpenApiOperation = {
  description?: string;
  'x-permission'?: string;
  responses?: Record<string, { content?: Record<string, { schema?: { description?: string } }> }>;
};
type OpenApiDoc = { paths?: Record<string, Record<string, OpenApiOperation>> };

/**
 * Each operation names what it takes to call it: `x-permission` (a permission of the contract's
 * table, 'public' or 'authenticated') and a sentence saying which roles hold it and how far.
 */
function permissionNotes(doc: OpenApiDoc, routes: { method: string; url: string; access: Access }[]): OpenApiDoc {
  for (const route of routes) {
    const path = route.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const op = doc.paths?.[path]?.[route.method.toLowerCase()];
    if (!op) continue;
    op['x-permission'] = route.access;
    const note =
      route.access === 'public'
        ? 'Access: public, no sign-in.'
        : route.access === 'authenticated'
          ? 'Access: any signed-in account.'
          : `Access: permission \`${route.access}\` (${PERMISSIONS[route.access].description}), held by ${Object.entries(
              PERMISSIONS[route.access].grants,
            )
              .map(([role, scope]) => `${role} (${SCOPE_TEXT[scope]})`)
              .join(', ')}.`;
    op.description = op.description ? `${op.description}\n\n${note}` : note;
  }
  return doc;
}

const SCOPE_TEXT: Record<Scope, string> = {
  any: 'every unit',
  authority: "its authority's units",
  own_unit: 'its own unit',
  own_person: 'its own records',
};

/**
 * Error answers are sent as application/problem+json (see plugins/errors.ts), but the route schemas
 * only say "Problem" and @fastify/swagger lists them as application/json, inlined each time. Here they
 * become what is actually sent, pointing at the one Problem component.
 */
function problemAnswers(doc: OpenApiDoc): OpenApiDoc {
  for (const ops of Object.values(doc.paths ?? {})) {
    for (const op of Object.values(ops)) {
      for (const [status, answer] of Object.entries(op.responses ?? {})) {
        // A route that produces a file lists its errors under the file's type: any entry will do.
        const isProblem = Object.values(answer.content ?? {}).some(
          (c) => c.schema?.description === PROBLEM_DESCRIPTION,
        );
        if (Number(status) < 400 || !isProblem) continue;
        answer.content = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } as never } };
      }
    }
  }
  return doc;
}

export default fp(
  async (app) => {
    app.addSchema(Problem);
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'ThiĐua API',
          version: '1.0.0',
          description:
            'REST API of ThiĐua, the emulation-campaign system (phong trào thi đua). Errors are application/problem+json (RFC 9457) with a stable `code`; messages follow Accept-Language (Vietnamese by default). Lists take page, pageSize (≤ 100) and q (diacritics ignored). PATCH needs If-Match with the ETag of the read. Creates accept Idempotency-Key.',
        },
        servers: [{ url: '/' }],
        components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
        tags: [
          { name: 'auth', description: 'Sign-in and the current account' },
          { name: 'users', description: 'Accounts and roles (admin)' },
          { name: 'units', description: 'The tree of units' },
          { name: 'people', description: 'Staff members of units' },
          { name: 'audit', description: 'The hash-chained audit log' },
          { name: 'files', description: 'Evidence files: streamed upload, metadata, download as an attachment' },
          {
            name: 'campaigns',
            description: 'Campaigns (phong trào thi đua): the plan, its lifecycle, clone, export and the plan as DOCX',
          },
          {
            name: 'criteria',
            description: "A campaign's criteria (tiêu chuẩn thi đua), frozen once it is open except their guidance",
          },
          { name: 'enrollments', description: 'Enrolment of participating units (đăng ký thi đua)' },
          { name: 'campaign-templates', description: 'Bundled and imported campaign templates (versioned JSON)' },
          {
            name: 'submissions',
            description: 'Self-assessments (tự đánh giá) with evidence, their versions, and deadline extensions',
          },
          { name: 'findings', description: 'Inspection findings (tồn tại, hạn chế) and their remedies' },
          { name: 'initiatives', description: 'Initiatives (sáng kiến) and their recognition' },
          {
            name: 'progress',
            description: "A campaign's progress dashboard (tiến độ): counts, units' lines, criteria met",
          },
          { name: 'scoreboard', description: 'Scoring and ranking of a campaign (xếp hạng thi đua), its exports' },
          {
            name: 'calendar',
            description: "Each account's secret iCalendar feed of its campaigns' dates (lịch thi đua), to subscribe to",
          },
          {
            name: 'jobs',
            description: 'Background jobs (opening and closing campaigns on their dates …), for the administrator',
          },
          {
            name: 'reminders',
            description:
              "Reminders (đôn đốc) to units that have not submitted: the office's, and the system's before deadlines",
          },
          {
            name: 'notifications',
            description: "Each account's own in-app notifications (the bell), and the e-mail outbox (admin)",
          },
          {
            name: 'award-types',
            description:
              'The award catalogue (hình thức, danh hiệu), who may grant what (dated), base salaries, public holidays and working days, award settings per authority, blockers on nominees, and the award types a campaign leads to',
          },
          {
            name: 'dossiers',
            description:
              'Award dossiers (hồ sơ đề nghị khen thưởng): one nominee proposed for one award type in a closed campaign, its documents (uploaded signed scans, or drafted by the system as DOCX), submit with its refusals; forwarding upward and the dossier package (ZIP + manifest) across installations',
          },
          {
            name: 'reception-desk',
            description:
              'The one-stop desk (bộ phận tiếp nhận và trả kết quả): the queue of submitted award dossiers with the working days waited, receipts numbered from the authority’s register, the completeness checklist, returns for supplement, the printable receipt',
          },
          {
            name: 'councils',
            description:
              'The emulation and commendation council (hội đồng thi đua - khen thưởng) per term, its meetings, attendance, votes (secret ballots without the voter), tally and minutes',
          },
          {
            name: 'decisions',
            description:
              'Public posting of the approved list (niêm yết công khai) with the objections and their answers, and award decisions: drafted from the approved dossiers, issued by the leader with the register’s number (awards written, dossiers awarded), the DOCX and the signed scan',
          },
          {
            name: 'awards',
            description:
              'The award register (sổ khen thưởng): every award of an issued decision, histories per unit and person, XLSX export, revocation with a reason',
          },
          {
            name: 'tasks',
            description: 'What waits for the signed-in account (việc cần làm): the home page’s to-do list',
          },
          { name: 'public', description: 'Published data, without sign-in' },
          { name: 'settings', description: 'Run-time settings' },
          { name: 'health', description: 'Liveness and readiness' },
        ],
      },
      refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
      transformObject: (documentObject) =>
        permissionNotes(
          problemAnswers((documentObject as { openapiObject: OpenApiDoc }).openapiObject),
          app.routeAccess,
        ) as never,
    });
    await app.register(swaggerUi, {
      routePrefix: '/api/docs',
      uiConfig: { docExpansion: 'list', deepLinking: true },
      staticCSP: false,
    });
    app.get('/api/v1/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
      app.swagger(),
    );
  },
  { name: 'openapi' },
);
