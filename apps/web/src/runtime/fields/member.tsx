import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMembers } from '../../queries/use-directory.js';
import { localized } from '../../ui/localized.js';
import { FieldPicker, pickerRenderer } from './picker.js';
import type { FieldRenderer, FieldRendererProps } from './types.js';

function MemberEdit(props: FieldRendererProps) {
  const { t } = useTranslation('runtime');
  const members = useMembers();
  const list = useMemo(() => (members.data?.members ?? []).filter((m) => m.status !== 'disabled'), [members.data]);
  const names = useMemo(() => new Map(list.map((m) => [m.id, m.name])), [list]);
  return (
    <FieldPicker
      {...props}
      labelOf={(memberId) => names.get(memberId) ?? (members.isLoading ? '…' : t('picker.unknownMember'))}
      items={list.map((m) => ({ id: m.id, label: m.name, hint: m.email ?? undefined }))}
      loading={members.isLoading}
      title={localized(props.field.label) || t('picker.members')}
    />
  );
}

/** 成员: a searchable member picker, one or many (`settings.multiple`). */
export const memberRenderer: FieldRenderer = pickerRenderer(MemberEdit);
