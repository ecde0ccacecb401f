import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMembers } from '../../queries/use-directory.js';
import { localized } from '../../ui/localized.js';
import { idsOf, Picker } from './picker.js';
import type { FieldRenderer, FieldRendererProps } from './types.js';

function MemberEdit({
  field,
  value,
  onChange,
  readOnly,
  invalid,
  id,
  labelId,
  describedBy,
  inputRef,
}: FieldRendererProps) {
  const { t } = useTranslation('runtime');
  const members = useMembers();
  const multiple = field.settings?.multiple === true;
  const list = useMemo(() => (members.data?.members ?? []).filter((m) => m.status !== 'disabled'), [members.data]);
  const names = useMemo(() => new Map(list.map((m) => [m.id, m.name])), [list]);
  return (
    <Picker
      id={id}
      labelId={labelId}
      describedBy={describedBy}
      invalid={invalid}
      readOnly={readOnly}
      multiple={multiple}
      chosen={idsOf(value)}
      labelOf={(memberId) => names.get(memberId) ?? (members.isLoading ? '…' : t('picker.unknownMember'))}
      items={list.map((m) => ({ id: m.id, label: m.name, hint: m.email ?? undefined }))}
      loading={members.isLoading}
      onChange={(ids) => onChange(multiple ? ids : (ids[0] ?? null))}
      title={localized(field.label) || t('picker.members')}
      inputRef={inputRef}
    />
  );
}

/** 成员: a searchable member picker, one or many (`settings.multiple`). */
export const memberRenderer: FieldRenderer = {
  label: 'group',
  Edit: MemberEdit,
  View: (props) => <MemberEdit {...props} readOnly />,
};
