/** Calendar arithmetic on a `YYYY-MM-DD` date: no time zone is involved, so a date is never shifted (RELIABILITY L2). */
export function addDays(date: string, days: number): string {
  const d = new Date(Date.UTC(2000, 0, 1));
  d.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + days);
  const y = d.getUTCFullYear();
  return `${String(y).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}
