import fc from 'fast-check';
import type { FilterNode } from '@formflow/schema';
import { checkFilter, compileFilter, fieldRegistry } from '@formflow/engine';
import { afterAll, describe, expect, it } from 'vitest';
import { ctxArb, filterArb, recordDataArb } from './arbitraries.js';
import { compileFilterToSql } from './compile-filter-to-sql.js';
import { addDays, zonedDayStart } from '@formflow/engine';
import { insertRecords, openTestDb, queryTestForm as form } from './test-support.js';

const RUNS = Number(process.env['QUERY_PROPERTY_RUNS'] ?? 400);

describe('compileFilterToSql agrees with the engine on real SQLite', () => {
  const t = openTestDb();
  afterAll(() => t.close());

  it(`keeps exactly the records compileFilter keeps (${RUNS} runs)`, () => {
    let checked = 0;
    fc.assert(
      fc.property(
        fc.array(recordDataArb, { minLength: 1, maxLength: 25 }),
        fc.array(filterArb, { minLength: 1, maxLength: 4 }),
        ctxArb,
        (datas, filters, ctx) => {
          const records = datas.map((data, i) => ({ id: `r${String(i).padStart(3, '0')}`, data }));
          insertRecords(t.db, records);
          for (const filter of filters) {
            if (checkFilter(filter, form, fieldRegistry).length > 0) continue;
            const keep = compileFilter(filter, form, fieldRegistry);
            const expected = records.filter((r) => keep(r.data, ctx)).map((r) => r.id);
            const where = compileFilterToSql(filter, form, fieldRegistry, ctx, { foldFunction: true });
            const rows = t.db
              .prepare(`SELECT r.id FROM records r WHERE ${where.sql} ORDER BY r.id`)
              .all(...where.params) as { id: string }[];
            expect(
              rows.map((r) => r.id),
              JSON.stringify({ filter, ctx }),
            ).toEqual(expected);
            checked++;
          }
        },
      ),
      { numRuns: RUNS },
    );
    expect(checked).toBeGreaterThan(RUNS);
  }, 600_000);

  it('agrees exactly on day boundaries of date-time and date fields in every zone (exhaustive)', () => {
    const zones = ['Asia/Shanghai', 'UTC', 'America/New_York', 'Pacific/Kiritimati'];
    const days = ['2025-03-08', '2025-03-09', '2025-03-10', '2025-11-01', '2025-11-02', '2025-11-03'];
    const records = zones.flatMap((zone) =>
      days.flatMap((day) =>
        [-1, 0, 1].map((delta) => {
          const ms = zonedDayStart(day, zone) + delta;
          return {
            id: `${zone}-${day}-${String(delta)}`,
            data: { meetAt: new Date(ms).toISOString(), closeOn: addDays(day, delta) },
          };
        }),
      ),
    );
    insertRecords(t.db, records);
    const filters: FilterNode[] = days.flatMap((day) => [
      ...(['eq', 'neq', 'gt', 'gte', 'lt', 'lte'] as const).flatMap((op) => [
        { field: 'meetAt', op, value: day },
        { field: 'closeOn', op, value: day },
      ]),
      { field: 'meetAt', op: 'between', value: [day, addDays(day, 1)] },
    ]);
    const relative: FilterNode[] = ['isToday', 'isThisWeek', 'isThisMonth'].map(
      (op) => ({ field: 'meetAt', op }) as FilterNode,
    );
    relative.push(
      { field: 'meetAt', op: 'withinLastDays', value: 1 },
      { field: 'meetAt', op: 'withinNextDays', value: 1 },
    );
    for (const timezone of zones) {
      for (const now of ['2025-03-09T12:00:00Z', '2025-11-02T04:00:00Z', '2025-03-08T10:30:00Z']) {
        const ctx = { now: new Date(now), timezone };
        for (const filter of [...filters, ...relative]) {
          const keep = compileFilter(filter, form, fieldRegistry);
          const expected = records
            .filter((r) => keep(r.data, ctx))
            .map((r) => r.id)
            .sort();
          const where = compileFilterToSql(filter, form, fieldRegistry, ctx);
          const rows = t.db.prepare(`SELECT r.id FROM records r WHERE ${where.sql}`).all(...where.params) as {
            id: string;
          }[];
          expect(rows.map((r) => r.id).sort(), JSON.stringify({ filter, ctx })).toEqual(expected);
        }
      }
    }
  });
});
