import type { FastifyReply } from 'fastify';
import { FilterError } from '@formflow/engine';
import { localizeProblem, type Problem } from '@formflow/schema';
import { QueryError } from '@formflow/store';
import { badRequest, type ProblemItem } from '../http/problems.js';
import type { Locale } from './write-pipeline.js';

const QUERY_MESSAGES_ZH: Record<string, string> = {
  INVALID_CURSOR: '游标无效或属于其他查询',
  INVALID_LIMIT: 'limit 应为 1 到 500 的整数',
  INVALID_OFFSET: 'offset 应为 0 到 1000000 的整数，且不能与 cursor 同时使用',
  INVALID_AGGREGATE: '统计请求无效',
  NOT_TRANSLATABLE: '这个筛选条件无法执行',
  INVALID_FIELD_ID: '字段 id 无效',
};

/** Joins a base path and an engine path: `filter` + `and[0].field` → `filter.and[0].field`; `sort` + `[1]`. */
export function joinPath(base: string, path: string): string {
  if (path === '') return base;
  return path.startsWith('[') ? `${base}${path}` : `${base}.${path}`;
}

/** Engine filter/sort problems as problem items under `base` (`filter`, `body.sort`, `querystring.sort`…). */
export function filterItems(problems: readonly Problem[], base: string, locale: Locale): ProblemItem[] {
  return problems.map((p) => ({ path: joinPath(base, p.path), code: p.code, message: localizeProblem(p, locale) }));
}

/** A problem the query cannot be built for, where it points, in the caller's language. */
export type QueryFailure = { code: string; items: ProblemItem[] };

/**
 * Maps what the query builders throw (FilterError with its problems, QueryError with its code) to a 400 answer; any
 * other error is a bug and is rethrown (500).
 */
export function queryFailure(error: unknown, paths: { filter: string; sort: string; base: string }, locale: Locale) {
  if (error instanceof FilterError) {
    // The builders check the sort before the filter's values only when both are valid; their paths say which one.
    const items = filterItems(error.problems, paths.filter, locale);
    return { code: error.problems[0]?.code ?? 'INVALID_FILTER', items };
  }
  if (error instanceof QueryError) {
    const path =
      error.code === 'INVALID_CURSOR'
        ? `${paths.base}cursor`
        : error.code === 'INVALID_LIMIT'
          ? `${paths.base}limit`
          : error.code === 'INVALID_OFFSET'
            ? `${paths.base}offset`
            : paths.filter;
    const message = locale === 'zh-CN' ? (QUERY_MESSAGES_ZH[error.code] ?? error.message) : error.message;
    return { code: error.code, items: [{ path, code: error.code, message }] };
  }
  throw error;
}

export function sendQueryFailure(reply: FastifyReply, failure: QueryFailure) {
  return badRequest(reply, failure.code, failure.items, failure.items[0]?.message);
}
