/**
 * The API's modules, registered under /api/v1 in this order. A new module adds one line here. Each
 * module hands over plain data (lib/api-module.ts): importing one registers nothing; prepareModules
 * does, once the app is built (and the command-line tools that need the messages).
 */
import type { ApiModule } from '../lib/api-module.ts';
import { registerMessages } from '../lib/messages.ts';
import { auditModule } from './audit/index.ts';
import { awardTypesModule } from './award-types/index.ts';
import { awardsModule } from './awards/index.ts';
import { authModule } from './auth/index.ts';
import { calendarModule } from './calendar/index.ts';
import { campaignsModule } from './campaigns/index.ts';
import { councilsModule } from './councils/index.ts';
import { decisionsModule } from './decisions/index.ts';
import { dossiersModule } from './dossiers/index.ts';
import { dossierTransferModule } from './dossier-transfer/index.ts';
import { documentsModule } from './documents/index.ts';
import { filesModule, useFileAccessRules } from './files/index.ts';
import { findingsModule } from './findings/index.ts';
import { importsModule } from './imports/index.ts';
import { initiativesModule } from './initiatives/index.ts';
import { notificationsModule } from './notifications/index.ts';
import { jobsModule } from './jobs/index.ts';
import { peopleModule } from './people/index.ts';
import { remindersModule } from './reminders/index.ts';
import { scoreboardModule } from './scoreboard/index.ts';
import { progressModule } from './progress/index.ts';
import { receptionModule } from './reception/index.ts';
import { settingsModule } from './settings/index.ts';
import { submissionsModule } from './submissions/index.ts';
import { unitsModule } from './units/index.ts';
import { usersModule } from './users/index.ts';
import { tasksModule } from './tasks/index.ts';

export const apiModules: readonly ApiModule[] = [
  authModule,
  usersModule,
  unitsModule,
  peopleModule,
  auditModule,
  importsModule,
  filesModule,
  campaignsModule,
  documentsModule,
  submissionsModule,
  findingsModule,
  initiativesModule,
  notificationsModule,
  remindersModule,
  scoreboardModule,
  progressModule,
  calendarModule,
  awardTypesModule,
  dossiersModule,
  dossierTransferModule,
  receptionModule,
  councilsModule,
  decisionsModule,
  awardsModule,
  jobsModule,
  tasksModule,
  settingsModule,
];

/** Registers every module's messages and file access rules (idempotent: the same data each time). */
export function prepareModules(modules: readonly ApiModule[] = apiModules): void {
  for (const m of modules) if (m.messages) registerMessages(m.messages);
  useFileAccessRules(modules.flatMap((m) => m.fileAccessRules ?? []));
}
