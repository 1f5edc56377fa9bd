/** The auth module's front door: the only file other modules (and the app) import. Sign-in, sessions, passwords, and the actor behind a token. */
import type { ApiModule } from '../../lib/api-module.ts';
import authRoutes from './auth.routes.ts';

export { loadActor, rolesOf } from './auth.repository.ts';
export { endAllSessions } from './auth.service.ts';
export { assertAcceptablePassword, hashPassword } from './password-policy.ts';

export const authModule: ApiModule = { name: 'auth', routes: [authRoutes] };
