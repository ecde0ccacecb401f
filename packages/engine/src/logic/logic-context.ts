/** Who is filling the form, and when: the values behind `$member`, `$now` and `$today` in rules. */
export type LogicContext = {
  member?: { id: string; departmentIds?: readonly string[]; roleIds?: readonly string[] };
  /** Defaults to the current time. */
  now?: Date;
  /** IANA zone of the viewer; decides `$today`. Defaults to Asia/Shanghai. */
  timezone?: string;
};

/** The zone used when the caller names none: most Formflow users are in China. */
export const DEFAULT_TIMEZONE = 'Asia/Shanghai';

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (`YYYY-MM-DD`) of an instant in a zone. */
export function localDate(now: Date, timezone: string): string {
  let formatter = dayFormatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormatters.set(timezone, formatter);
  }
  return formatter.format(now);
}

/** The `$`-prefixed context values rules read next to field values. */
export function contextValues(ctx: LogicContext): Record<string, unknown> {
  const now = ctx.now ?? new Date();
  const member = ctx.member
    ? {
        id: ctx.member.id,
        departmentIds: [...(ctx.member.departmentIds ?? [])],
        roleIds: [...(ctx.member.roleIds ?? [])],
      }
    : null;
  return { $member: member, $now: now.toISOString(), $today: localDate(now, ctx.timezone ?? DEFAULT_TIMEZONE) };
}
