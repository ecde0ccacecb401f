/**
 * Layering of DESIGN.md §2 and the no-cycles rule, checked by `pnpm lint` in CI.
 * Arrows point up: schema ← engine ← (store, web) ← server ← cli. Templates are data.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Circular imports are not allowed.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'schema-is-the-root',
      severity: 'error',
      comment: 'packages/schema depends on no other Formflow package and no I/O.',
      from: { path: '^packages/schema/src' },
      to: { path: '^(packages/(engine|store|cli)|apps/)' },
    },
    {
      name: 'engine-is-pure',
      severity: 'error',
      comment: 'packages/engine imports only schema: no store, server, web, cli, Node built-ins or React.',
      from: { path: '^packages/engine/src', pathNot: '\\.test\\.ts$' },
      to: { path: '^(packages/(store|cli)|apps/)|^(react|react-dom|fastify|better-sqlite3|drizzle-orm)(/|$)' },
    },
    {
      name: 'engine-no-node-builtins',
      severity: 'error',
      from: { path: '^packages/(engine|schema)/src', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'web-talks-http',
      severity: 'error',
      comment: 'apps/web never imports store, server or cli code (its browser suite in e2e/ boots the real server).',
      from: { path: '^apps/web', pathNot: '^apps/web/e2e/' },
      to: { path: '^(packages/(store|cli)|apps/server)' },
    },
    {
      name: 'store-below-server',
      severity: 'error',
      from: { path: '^packages/store' },
      to: { path: '^(apps/|packages/cli)' },
    },
    {
      name: 'server-below-cli',
      severity: 'error',
      from: { path: '^apps/server' },
      to: { path: '^packages/cli' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(node_modules|dist)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    combinedDependencies: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'default'],
      extensions: ['.ts', '.js'],
    },
  },
};
