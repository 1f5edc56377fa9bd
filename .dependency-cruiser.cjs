/**
 * Module boundaries, checked by `pnpm lint` (dependency-cruiser):
 * - no import cycles anywhere;
 * - an API module is entered only through its index.ts (its front door): no other module, plugin,
 *   bootstrap or script reaches into a module's files (tests may, to test the parts);
 * - the web app never imports the API's code (it shares only the contract package);
 * - a web feature never imports another feature: the app layer composes them.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment:
        'Import cycles make module order matter and hide a missing boundary. A cycle closed by a lazy import() (a store chosen at start, a page loaded on demand) is not one: nothing is evaluated in a loop.',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['dynamic-import'] } },
    },
    {
      name: 'api-module-front-door',
      severity: 'error',
      comment: "Another module's files are reached only through its index.ts.",
      from: { path: '^apps/api/src/modules/([^/]+)/' },
      to: {
        path: '^apps/api/src/modules/([^/]+)/',
        pathNot: ['^apps/api/src/modules/$1/', '^apps/api/src/modules/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'api-outside-front-door',
      severity: 'error',
      comment: 'The app, plugins, bootstrap, backup and benchmarks use modules through their index.ts.',
      from: { path: '^apps/api/(src|bench)/', pathNot: '^apps/api/src/modules/' },
      to: { path: '^apps/api/src/modules/[^/]+/', pathNot: '^apps/api/src/modules/[^/]+/index\\.ts$' },
    },
    {
      name: 'web-not-api',
      severity: 'error',
      comment: 'The web app shares the contract package with the API, never its code.',
      from: { path: '^apps/web/' },
      to: { path: '^apps/api/' },
    },
    {
      name: 'web-feature-to-feature',
      severity: 'error',
      comment: 'Features stay independent; the app layer (apps/web/src/app) composes them.',
      from: { path: '^apps/web/src/features/([^/]+)/' },
      to: { path: '^apps/web/src/features/([^/]+)/', pathNot: '^apps/web/src/features/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|data|test-results)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
  },
};
