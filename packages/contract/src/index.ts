export * from './common.ts';
export * from './search.ts';
export * from './roles.ts';
export * from './auth.ts';
export * from './users.ts';
export * from './units.ts';
export * from './audit.ts';
