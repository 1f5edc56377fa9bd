/** The API's modules, registered under /api/v1 in this order. A new module adds one line here. */
import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../config.ts';
import { authRoutes } from './auth/index.ts';
import { usersRoutes } from './users/index.ts';
import { unitsRoutes } from './units/index.ts';
import { peopleRoutes } from './people/index.ts';
import { auditRoutes } from './audit/index.ts';
import { importRoutes } from './imports/index.ts';
import { filesRoutes } from './files/index.ts';
import {
  campaignsRoutes,
  criteriaRoutes,
  enrollmentsRoutes,
  publicCampaignsRoutes,
  templatesRoutes,
} from './campaigns/index.ts';
import { documentsRoutes } from './documents/index.ts';
import { submissionsRoutes } from './submissions/index.ts';
import { findingsRoutes } from './findings/index.ts';
import { initiativesRoutes } from './initiatives/index.ts';

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
