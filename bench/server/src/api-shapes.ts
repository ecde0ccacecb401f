/**
 * What the benchmarks send to and read from the records API (docs/api/records.md), in one place: the query and
 * aggregate bodies, and the answers' `{ records, nextCursor }` and `{ rows: [{ keys, values }] }`.
 */
import type { FilterNode, SortSpec } from '@formflow/schema';

export type ListSpec = { filter: FilterNode; sort: SortSpec[]; limit: number };

export function listBody(spec: ListSpec, cursor?: string): Record<string, unknown> {
  return { filter: spec.filter, sort: spec.sort, limit: spec.limit, ...(cursor ? { cursor } : {}) };
}

export type AggregateSpec = {
  groupBy: { field: string }[];
  measures: { agg: 'count' | 'sum'; field?: string }[];
};

export function aggregateBody(spec: AggregateSpec): Record<string, unknown> {
  return { groupBy: spec.groupBy, measures: spec.measures };
}

type ListAnswer = { records?: { id: string }[]; nextCursor?: string | null };
type AggregateAnswer = { rows?: { keys: unknown[]; values: (number | null)[] }[] };

/** The record ids and next cursor of a list page (throws on another shape). */
export function readPage(text: string): { ids: string[]; nextCursor: string | null } {
  const answer = JSON.parse(text) as ListAnswer;
  if (!Array.isArray(answer.records)) throw new Error(`not a record page: ${text.slice(0, 300)}`);
  return { ids: answer.records.map((r) => r.id), nextCursor: answer.nextCursor ?? null };
}

/** A funnel answer (one key; count, then a sum in yuan) as `stage:count:cents` strings (throws on another shape). */
export function readFunnel(text: string): string[] {
  const answer = JSON.parse(text) as AggregateAnswer;
  if (!Array.isArray(answer.rows)) throw new Error(`not an aggregate answer: ${text.slice(0, 300)}`);
  return answer.rows.map((r) => `${String(r.keys[0])}:${String(r.values[0])}:${Math.round((r.values[1] ?? 0) * 100)}`);
}
