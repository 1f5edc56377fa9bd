/** The API's modules, registered under /api/v1 in this order. A new module adds one line here. */
import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../config.ts';
import authRoutes from './auth/auth.routes.ts';
import usersRoutes from './users/users.routes.ts';
import unitsRoutes from './units/units.routes.ts';
import peopleRoutes from './people/people.routes.ts';
import auditRoutes from './audit/audit.routes.ts';
import importRoutes from './imports/imports.routes.ts';
import filesRoutes from './files/files.routes.ts';
import campaignsRoutes from './campaigns/campaigns.routes.ts';
import criteriaRoutes from './campaigns/criteria.routes.ts';
import enrollmentsRoutes from './campaigns/enrollments.routes.ts';
import publicCampaignsRoutes from './campaigns/public.routes.ts';
import templatesRoutes from './templates/templates.routes.ts';
import documentsRoutes from './documents/documents.routes.ts';
import submissionsRoutes from './submissions/submissions.routes.ts';
import findingsRoutes from './findings/findings.routes.ts';
import initiativesRoutes from './initiatives/initiatives.routes.ts';

export const apiModules: FastifyPluginAsync<{ config: Config }>[] = [
  authRoutes,
  usersRoutes,
  unitsRoutes,
  peopleRoutes,
  auditRoutes,
  importRoutes,
  filesRoutes,
  campaignsRoutes,
  criteriaRoutes,
  enrollmentsRoutes,
  publicCampaignsRoutes,
  templatesRoutes,
  documentsRoutes,
  submissionsRoutes,
  findingsRoutes,
  initiativesRoutes,
] as never;
