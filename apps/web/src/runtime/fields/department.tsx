import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Department } from '../../api/types.js';
import { useDepartments } from '../../queries/use-directory.js';
import { localized } from '../../ui/localized.js';
import { FieldPicker, pickerRenderer, type PickItem } from './picker.js';
import type { FieldRenderer, FieldRendererProps } from './types.js';

/** Departments in tree order (parents before children), with their depth for indentation. */
export function departmentTree(departments: readonly Department[]): PickItem[] {
  const children = new Map<string | null, Department[]>();
  const ids = new Set(departments.map((d) => d.id));
  for (const d of departments) {
    const parent = d.parentId !== null && ids.has(d.parentId) ? d.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), d]);
  }
  const out: PickItem[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    const list = [...(children.get(parent) ?? [])].sort((a, b) => (a.sort ?? 0) - (b.sort ?? 0));
    for (const d of list) {
      if (seen.has(d.id)) continue;
      seen.add(d.id);
      out.push({ id: d.id, label: d.name, depth });
      walk(d.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

function DepartmentEdit(props: FieldRendererProps) {
  const { t } = useTranslation('runtime');
  const departments = useDepartments();
  const items = useMemo(() => departmentTree(departments.data?.departments ?? []), [departments.data]);
  const names = useMemo(() => new Map(items.map((d) => [d.id, d.label])), [items]);
  return (
    <FieldPicker
      {...props}
      labelOf={(deptId) => names.get(deptId) ?? (departments.isLoading ? '…' : deptId)}
      items={items}
      loading={departments.isLoading}
      title={localized(props.field.label) || t('picker.departments')}
    />
  );
}

/** 部门: a searchable department picker (the org tree, indented), one or many. */
export const departmentRenderer: FieldRenderer = pickerRenderer(DepartmentEdit);
