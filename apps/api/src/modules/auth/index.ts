/** The auth module's front door: the only file other modules (and the app) import. Sign-in, sessions, passwords, and the actor behind a token. */
import type { ApiModule } from '../../lib/api-module.ts';
import authRoutes from './auth.routes.ts';
import { authMessages } from './auth.messages.ts';

export { loadActor, rolesOf } from './auth.repository.ts';
export { endAllSessions } from './auth.service.ts';
export { hashPassword } from './password-policy.ts';
export { checkPasswordStrength } from './password-strength.ts';

export const authModule: ApiModule = { name: 'auth', routes: [authRoutes], messages: authMessages };
