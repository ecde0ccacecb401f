/**
 * The list of test projects. vitest 4 no longer reads this file by itself:
 * vitest.config.ts imports it into `test.projects`.
 */
export const projects = ['packages/*', 'apps/*', 'apps/web/e2e', 'templates/*'];
