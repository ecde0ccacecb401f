import { useMemo } from 'react';
import { useMembers } from '../../queries/use-directory.js';
import { SystemView, TextView } from './text-view.js';
import type { FieldRenderer, FieldRendererProps } from './types.js';

function CreatedByView(props: FieldRendererProps) {
  const members = useMembers();
  const names = useMemo(() => new Map((members.data?.members ?? []).map((m) => [m.id, m.name])), [members.data]);
  if (props.value === null || props.value === undefined) return <SystemView {...props} />;
  return <TextView {...props} lookups={{ members: names }} />;
}

/** 提交人: set by the server; read-only. */
export const createdByRenderer: FieldRenderer = { label: 'display', Edit: CreatedByView };
