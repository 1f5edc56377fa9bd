/** The auth module's front door: the only file other modules (and the app) import. Sign-in, sessions, passwords, and the actor behind a token. */
export { loadActor, rolesOf } from './auth.repository.ts';
export { endAllSessions } from './auth.service.ts';
export { assertAcceptablePassword, hashPassword } from './password-policy.ts';
export { default as authRoutes } from './auth.routes.ts';
