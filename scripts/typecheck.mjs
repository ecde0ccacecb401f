// Runs `tsc --noEmit` for every workspace package that has a tsconfig.json, and fails if any fails.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const roots = ['packages', 'apps', 'templates', 'bench'];
const projects = roots
  .filter((root) => existsSync(root))
  .flatMap((root) => readdirSync(root).map((dir) => join(root, dir)))
  .filter((dir) => existsSync(join(dir, 'tsconfig.json')));
let failed = 0;
for (const project of projects) {
  try {
    execFileSync('node_modules/.bin/tsc', ['-p', join(project, 'tsconfig.json'), '--noEmit'], { stdio: 'inherit' });
    console.log(`typecheck ${project}: ok`);
  } catch {
    console.error(`typecheck ${project}: FAILED`);
    failed++;
  }
}
process.exit(failed === 0 ? 0 : 1);
