import { join } from 'node:path';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TIMEOUT_MS = 30_000;

/** Resolves with the first match of `pattern` in the text a stream emits, or rejects after `ms`. */
function waitFor(stream: NodeJS.ReadableStream, pattern: RegExp, ms: number, seen: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => {
      stream.off('data', onData);
      reject(new Error(`no ${pattern} within ${ms} ms; stdout: ${text}; stderr: ${seen()}`));
    }, ms);
    const onData = (chunk: Buffer | string) => {
      text += chunk.toString();
      const match = pattern.exec(text);
      if (match?.[1]) {
        clearTimeout(timer);
        stream.off('data', onData);
        resolve(match[1]);
      }
    };
    stream.on('data', onData);
  });
}

describe('node packages/cli/bin/formflow.mjs start (end to end)', () => {
  it(
    'starts a real server on FORMFLOW_PORT=0, prints its URL, and answers GET /api/v1/health',
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'formflow-cli-'));
      const child = spawn(process.execPath, ['packages/cli/bin/formflow.mjs', 'start'], {
        cwd: REPO_ROOT,
        env: {
          ...process.env,
          FORMFLOW_HOST: '127.0.0.1',
          FORMFLOW_PORT: '0',
          FORMFLOW_DATA_DIR: dataDir,
          FORMFLOW_ADMIN_EMAIL: 'boss@example.cn',
          FORMFLOW_ADMIN_PASSWORD: 'correct horse 42',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = once(child, 'exit');
      try {
        const url = await waitFor(
          child.stdout,
          /Formflow is running at (http:\/\/127\.0\.0\.1:\d+)\n/,
          25_000,
          () => stderr,
        );
        const port = Number(new URL(url).port);
        expect(port).toBeGreaterThan(0);
        const response = await fetch(`${url}/api/v1/health`);
        expect(response.status).toBe(200);
        expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
        expect(existsSync(join(dataDir, 'formflow.db'))).toBe(true);
        // First start created the owner from FORMFLOW_ADMIN_EMAIL / FORMFLOW_ADMIN_PASSWORD: log in as them.
        const login = await fetch(`${url}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'boss@example.cn', password: 'correct horse 42' }),
        });
        expect(login.status).toBe(200);
        const cookie = login.headers.get('set-cookie') ?? '';
        expect(cookie).toMatch(/HttpOnly/);
        const me = await fetch(`${url}/api/v1/auth/me`, { headers: { cookie: cookie.split(';')[0]! } });
        expect(me.status).toBe(200);
        expect(JSON.stringify(await me.json())).toContain('boss@example.cn');
        expect(child.exitCode).toBeNull();
      } finally {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        await exited;
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
    TIMEOUT_MS,
  );
});
