const DIGITS_DATE_TIME = '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]*';
const OFFSET = '[+-][0-9][0-9]:[0-9][0-9]';

/**
 * SQL for the engine's parseInstant: milliseconds since the epoch of an ISO instant with `Z` or an offset
 * (`YYYY-MM-DDTHH:MM[:SS[.f{1,9}]](Z|±HH:MM)`, a real date, hour ≤ 23, minute and second ≤ 59, offset hours ≤ 23 and
 * minutes ≤ 59 as V8's Date.parse requires), else NULL. Fractions are truncated to milliseconds as Date.parse does
 * (SQLite's own unixepoch(…, 'subsec') rounds, and julianday() drifts, so neither is used on the fraction).
 * `text` must be SQL for a TEXT value; it is evaluated once, in a correlated sub-select.
 */
export function instantMsSql(text: string): string {
  const zl =
    `CASE WHEN substr(x, -1) = 'Z' THEN 1 WHEN substr(x, -6) GLOB '${OFFSET}'` +
    ` AND substr(x, -5, 2) <= '23' AND substr(x, -2, 2) <= '59' THEN 6 ELSE 0 END`;
  const inner = `(SELECT x, ${zl} AS zl FROM (SELECT ${text} AS x))`;
  const mid = `substr(x, 17, length(x) - 16 - zl)`;
  const off =
    `CASE zl WHEN 6 THEN (CASE substr(x, -6, 1) WHEN '-' THEN -1 ELSE 1 END)` +
    ` * (CAST(substr(x, -5, 2) AS INTEGER) * 60 + CAST(substr(x, -2, 2) AS INTEGER)) ELSE 0 END`;
  const middle = `(SELECT x, zl, ${mid} AS mid, ${off} AS off FROM ${inner})`;
  const valid =
    `x GLOB '${DIGITS_DATE_TIME}' AND zl > 0 AND length(x) >= 16 + zl` +
    ` AND date(substr(x, 1, 10)) = substr(x, 1, 10) AND substr(x, 12, 2) <= '23' AND substr(x, 15, 2) <= '59'` +
    ` AND (mid = '' OR ((mid GLOB ':[0-9][0-9]' OR (mid GLOB ':[0-9][0-9].[0-9]*' AND length(mid) BETWEEN 5 AND 13` +
    ` AND substr(mid, 5) NOT GLOB '*[^0-9]*')) AND substr(mid, 2, 2) <= '59'))`;
  const ms =
    `unixepoch(substr(x, 1, 16) || ':' || (CASE WHEN mid = '' THEN '00' ELSE substr(mid, 2, 2) END)) * 1000` +
    ` + CAST(substr(substr(mid, 5) || '000', 1, 3) AS INTEGER) - off * 60000`;
  return `(SELECT CASE WHEN ${valid} THEN ${ms} END FROM ${middle})`;
}
