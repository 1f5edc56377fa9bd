export * from './units.ts';
export * from './people.ts';
export * from './users.ts';
export * from './audit.ts';
export * from './system.ts';
