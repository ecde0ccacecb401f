import { defineProject } from 'vitest/config';

/** Unit tests of the web's pure modules (node); the browser suite lives in e2e/ (its own project). */
export default defineProject({
  test: {
    name: 'web',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
  },
});
