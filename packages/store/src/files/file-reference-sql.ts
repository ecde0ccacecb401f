import { jsonPath } from '../sqlite/query/sql-ident.js';
import type { Sql } from '../sqlite/query/sql-fragment.js';

/**
 * The condition "record `r` holds a file ref with id `fileId` in `fieldPath`": a field id (`photos`) or a sub-table
 * column (`items.receipt`). A ref is one object (signature) or a list of objects (image, attachment). Ids reach the
 * SQL text only through `jsonPath` (validated, RELIABILITY I1); the file id is a parameter. `instr` on the raw JSON
 * skips rows that cannot hold the id before any JSON is parsed.
 */
export function fileReferenceSql(fieldPath: string, fileId: string): Sql {
  const dot = fieldPath.indexOf('.');
  if (dot < 0) {
    const path = jsonPath(fieldPath);
    return {
      sql: `(instr(r.data, ?) > 0 AND (json_extract(r.data, ${path} || '.id') = ? OR (json_type(r.data, ${path}) = 'array'
        AND EXISTS (SELECT 1 FROM json_each(r.data, ${path}) AS fj WHERE fj.type = 'object' AND json_extract(fj.value, '$.id') = ?))))`,
      params: [fileId, fileId, fileId],
    };
  }
  const table = jsonPath(fieldPath.slice(0, dot));
  const column = jsonPath(fieldPath.slice(dot + 1));
  return {
    sql: `(instr(r.data, ?) > 0 AND json_type(r.data, ${table}) = 'array' AND EXISTS (SELECT 1 FROM json_each(r.data, ${table}) AS fr
      WHERE fr.type = 'object' AND (json_extract(fr.value, ${column} || '.id') = ? OR (json_type(fr.value, ${column}) = 'array'
        AND EXISTS (SELECT 1 FROM json_each(fr.value, ${column}) AS fj WHERE fj.type = 'object' AND json_extract(fj.value, '$.id') = ?)))))`,
    params: [fileId, fileId, fileId],
  };
}
