import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LineSpool } from './line-spool.js';

const dir = mkdtempSync(join(tmpdir(), 'formflow-line-spool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('LineSpool', () => {
  it('reads back every line as written: surrogate pairs cut by buffer borders, lines longer than a buffer', () => {
    const spool = new LineSpool(dir, 'lines');
    const lines: string[] = [];
    // 3 + 2·k UTF-16 units per line: the 1 MiB buffer borders fall inside emoji pairs and inside lines.
    for (let i = 0; i < 40_000; i++) lines.push(`${i % 10}\tc\t${'😀'.repeat(i % 17)}客户${'x'.repeat(i % 5)}`);
    lines.splice(20_000, 0, `long\t${'长'.repeat(700_000)}😀`, '', 'after the long one');
    for (const line of lines) spool.append(line);
    expect(spool.size).toBe(lines.length);
    let i = 0;
    for (const line of spool.lines()) {
      if (line !== lines[i]) expect([i, line.slice(0, 40)]).toEqual([i, lines[i]?.slice(0, 40)]);
      i += 1;
    }
    expect(i).toBe(lines.length);
    spool.dispose();
    expect(readdirSync(dir)).toEqual([]);
  });
});
