import { fieldRegistry, FilterError } from '@formflow/engine';
import type { FilterNode, FormDef } from '@formflow/schema';
import { afterAll, describe, expect, it } from 'vitest';
import { buildListQuery } from './build-list-query.js';
import { compileFilterToSql } from './compile-filter-to-sql.js';
import { indexPlan } from './index-plan.js';
import { instantMsSql } from './instant-sql.js';
import { QueryError } from './query-error.js';
import { jsonPath } from './sql-ident.js';
import { insertRecords, openTestDb, queryTestForm as form } from './test-support.js';

const ctx = { now: new Date('2025-03-05T00:00:00Z'), timezone: 'Asia/Shanghai' };
const EVIL = `'); DROP TABLE records;--`;

describe('query safety and indexes', () => {
  const t = openTestDb();
  afterAll(() => t.close());

  it('binds injection strings as inert values', () => {
    insertRecords(t.db, [
      { id: 'a', data: { name: EVIL, stage: 'won' } },
      { id: 'b', data: { name: 'x' } },
    ]);
    const filters: FilterNode[] = [
      { field: 'name', op: 'eq', value: EVIL },
      { field: 'name', op: 'contains', value: `"); DROP TABLE records;--` },
      {
        or: [
          { field: 'items.sku', op: 'startsWith', value: EVIL },
          { field: 'name', op: 'in', value: [EVIL, "' OR 1=1 --"] },
        ],
      },
    ];
    for (const filter of filters) {
      const q = compileFilterToSql(filter, form, fieldRegistry, ctx, { foldFunction: true });
      expect(q.sql).not.toContain('DROP');
      const rows = t.db.prepare(`SELECT id FROM records r WHERE ${q.sql}`).all(...q.params);
      expect(rows.length).toBeLessThanOrEqual(1);
    }
    expect(t.db.prepare('SELECT COUNT(*) AS n FROM records').get()).toEqual({ n: 2 });
  });

  it('refuses bad field ids before building any SQL', () => {
    for (const id of ['name"; DROP TABLE records;--', '1abc', 'a'.repeat(65), 'a.b', '$raw', '']) {
      expect(() => jsonPath(id)).toThrow(QueryError);
    }
    const evilForm: FormDef = { ...form, fields: [{ id: 'x"); DROP TABLE records;--', type: 'text', label: 'X' }] };
    expect(() =>
      compileFilterToSql({ field: 'x"); DROP TABLE records;--', op: 'eq', value: 'a' }, evilForm, fieldRegistry, ctx),
    ).toThrow(QueryError);
    expect(() => indexPlan(evilForm, ['x"); DROP TABLE records;--'])).toThrow(QueryError);
    expect(() => indexPlan({ ...form, id: "deals' OR 1=1" }, ['name'])).toThrow(QueryError);
    expect(() => compileFilterToSql({ $raw: '1=1' } as unknown as FilterNode, form, fieldRegistry, ctx)).toThrow(
      FilterError,
    );
    expect(() => compileFilterToSql({ field: 'salary', op: 'gt', value: 1 }, form, fieldRegistry, ctx)).toThrow(
      FilterError,
    );
    expect(() =>
      compileFilterToSql({ field: 'name', op: 'eq', value: 'a' }, form, fieldRegistry, ctx, {
        readableFieldIds: new Set(['stage']),
      }),
    ).toThrow(FilterError);
    expect(() =>
      buildListQuery(
        { workspaceId: 'w1', formId: 'deals', sort: [{ field: 'created_at desc;--', direction: 'asc' }], limit: 10 },
        form,
        fieldRegistry,
        ctx,
      ),
    ).toThrow(FilterError);
  });

  it('writes workspace and form ids as literals only when they cannot break out of one', () => {
    insertRecords(t.db, [{ id: 'a', data: { stage: 'won' } }], 'deals', "w'1");
    const plain = buildListQuery({ workspaceId: 'w1', formId: 'deals', limit: 10 }, form, fieldRegistry, ctx);
    expect(plain.sql).toContain("r.workspace_id = 'w1' AND r.form_id = 'deals' AND r.deleted_at IS NULL");
    for (const workspaceId of ["w'1", "x' OR '1'='1", 'w 1']) {
      const q = buildListQuery({ workspaceId, formId: 'deals', limit: 10 }, form, fieldRegistry, ctx);
      expect(q.sql).not.toContain(workspaceId);
      expect(q.params[0]).toBe(workspaceId);
      const ids = (t.db.prepare(q.sql).all(...q.params) as { id: string }[]).map((r) => r.id);
      expect(ids).toEqual(workspaceId === "w'1" ? ['a'] : []);
    }
  });

  it('refuses text conditions it cannot fold without the fold function', () => {
    expect(() => compileFilterToSql({ field: 'items.sku', op: 'eq', value: 'a' }, form, fieldRegistry, ctx)).toThrow(
      /fold/,
    );
    expect(() => compileFilterToSql({ field: 'addr', op: 'contains', value: 'a' }, form, fieldRegistry, ctx)).toThrow(
      /fold/,
    );
  });

  it('parses instants in SQL exactly like the engine (Date.parse on strict ISO instants)', () => {
    const values = [
      '2025-03-01T10:00Z',
      '2025-03-01T10:00:59+08:00',
      '2025-03-01T10:00:00.1Z',
      '2025-03-01T10:00:00.123456789-05:30',
      '2025-03-01T23:59:59.9995+23:59',
      '0001-01-01T00:00Z',
      '2028-02-29T00:00Z',
      '2027-02-29T00:00Z',
      '2025-03-01T24:00Z',
      '2025-03-01T10:60Z',
      '2025-03-01T10:00:60Z',
      '2025-03-01T10:00+24:00',
      '2025-03-01T10:00',
      '2025-03-01',
      '2025-03-01T10:00:00.Z',
      '2025-03-01T10:00:00.1234567890Z',
      ' 2025-03-01T10:00Z',
      'x',
    ];
    for (const v of values) {
      const got = (t.db.prepare(`SELECT ${instantMsSql('?')} AS ms`).get(v) as { ms: number | null }).ms;
      const strict = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(v);
      const ms = Date.parse(v);
      const valid =
        strict &&
        Number.isFinite(ms) &&
        Number(v.slice(11, 13)) <= 23 &&
        new Date(`${v.slice(0, 10)}T00:00Z`).toISOString().startsWith(v.slice(0, 10));
      expect(got, v).toBe(valid ? ms : null);
    }
  });

  it('a filtered, sorted list query uses the expression index', () => {
    for (const stmt of indexPlan(form, ['amount', 'closeOn', 'stage', 'amount'])) t.db.exec(stmt);
    expect(indexPlan(form, ['amount'])).toEqual(indexPlan(form, ['amount']));
    const q = buildListQuery(
      {
        workspaceId: 'w1',
        formId: 'deals',
        filter: { field: 'amount', op: 'gt', value: 100 },
        sort: [{ field: 'closeOn', direction: 'desc' }],
        limit: 50,
      },
      form,
      fieldRegistry,
      ctx,
    );
    const plan = (t.db.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.params) as { detail: string }[])
      .map((r) => r.detail)
      .join('\n');
    expect(plan).toMatch(/USING INDEX rec_[0-9a-f]{20} \(workspace_id=\? AND <expr>>\?\)/);
  });
});
