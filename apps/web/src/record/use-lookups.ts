import { useMemo } from 'react';
import { useDepartments, useMembers } from '../queries/use-directory.js';
import type { FormatLookups } from '../runtime/format-value.js';

/** Member and department names for formatValue (ids are shown until the directory arrives). */
export function useLookups(): FormatLookups {
  const members = useMembers();
  const departments = useDepartments();
  return useMemo(
    () => ({
      members: new Map((members.data?.members ?? []).map((m) => [m.id, m.name])),
      departments: new Map((departments.data?.departments ?? []).map((d) => [d.id, d.name])),
    }),
    [members.data, departments.data],
  );
}
