import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { FieldDef, JsonValue } from '@formflow/schema';
import { ROLLUP_AGGREGATIONS } from '@formflow/schema';
import { endpoints } from '../../api/endpoints.js';
import { ApiError } from '../../api/api-error.js';
import { localized } from '../../ui/localized.js';
import { UNSET_REF } from '../create-field.js';
import { columnsOf } from '../field-tree.js';
import { CheckProp, NumberProp, SelectProp } from './inputs.js';

/** Fields of another form of the app (its live version, else its draft), for lookups and display fields. */
function useFormFields(formId: string | undefined, own: { id: string; fields: FieldDef[] }) {
  const query = useQuery({
    queryKey: ['designer-target-fields', formId],
    enabled: Boolean(formId) && formId !== own.id && formId !== UNSET_REF,
    queryFn: async () => {
      try {
        return (await endpoints.forms.live(formId!)).fields;
      } catch (error) {
        if (error instanceof ApiError && error.status === 404)
          return (await endpoints.forms.draft(formId!)).definition.fields;
        throw error;
      }
    },
  });
  if (formId === own.id) return own.fields;
  return (query.data ?? []).filter((f) => !f.deleted && f.type !== 'section' && f.type !== 'description');
}

/** Relation (target form), lookup (relation field + field shown) and rollup (source, aggregation, field) settings. */
export function RelationSettings({
  field,
  setSetting,
  formFields,
  appForms,
  parent,
}: {
  field: FieldDef;
  setSetting: (key: string, value: JsonValue | undefined) => void;
  formFields: FieldDef[];
  appForms: { id: string; name: string; self?: boolean }[];
  parent?: FieldDef;
}) {
  const { t } = useTranslation('designer');
  const s = field.settings ?? {};
  const siblings = parent ? [...columnsOf(parent), ...formFields] : formFields;
  const live = siblings.filter((f) => !f.deleted && f.id !== field.id);
  const byId = new Map(live.map((f) => [f.id, f]));
  const ownId = appForms.find((f) => f.self)?.id ?? '';
  const relationTarget =
    field.type === 'relation'
      ? (s['formId'] as string | undefined)
      : field.type === 'lookup'
        ? (byId.get(s['relationField'] as string)?.settings?.['formId'] as string | undefined)
        : byId.get(s['source'] as string)?.type === 'relation'
          ? (byId.get(s['source'] as string)?.settings?.['formId'] as string | undefined)
          : undefined;
  const targetFields = useFormFields(relationTarget, { id: ownId, fields: formFields });
  const choose = (value: string) => ({ value, label: value === UNSET_REF ? t('props.choose') : value });
  const fieldOptions = (fields: FieldDef[], current: unknown) => [
    ...(typeof current !== 'string' || current === UNSET_REF || !fields.some((f) => f.id === current)
      ? [choose(typeof current === 'string' && current !== UNSET_REF ? current : UNSET_REF)]
      : []),
    ...fields.map((f) => ({ value: f.id, label: localized(f.label) || f.id })),
  ];

  if (field.type === 'relation') {
    return (
      <>
        <SelectProp
          label={t('props.targetForm')}
          value={(s['formId'] as string) ?? ''}
          options={appForms.map((f) => ({
            value: f.id,
            label: f.self ? `${f.name} (${t('props.thisForm')})` : f.name,
          }))}
          onChange={(v) => setSetting('formId', v || undefined)}
        />
        <CheckProp
          label={t('props.multipleRecords')}
          checked={s['multiple'] === true}
          onChange={(v) => setSetting('multiple', v || undefined)}
        />
        <SelectProp
          label={t('props.displayField')}
          value={(s['displayField'] as string) ?? ''}
          options={[
            { value: '', label: t('props.titleField') },
            ...targetFields.map((f) => ({ value: f.id, label: localized(f.label) || f.id })),
          ]}
          onChange={(v) => setSetting('displayField', v || undefined)}
        />
      </>
    );
  }
  if (field.type === 'lookup') {
    const relations = live.filter((f) => f.type === 'relation');
    return (
      <>
        <SelectProp
          label={t('props.relationField')}
          value={(s['relationField'] as string) ?? UNSET_REF}
          options={fieldOptions(relations, s['relationField'])}
          onChange={(v) => setSetting('relationField', v || UNSET_REF)}
          hint={relations.length === 0 ? t('props.needRelation') : undefined}
        />
        <SelectProp
          label={t('props.lookupField')}
          value={(s['field'] as string) ?? UNSET_REF}
          options={fieldOptions(targetFields, s['field'])}
          onChange={(v) => setSetting('field', v || UNSET_REF)}
        />
      </>
    );
  }
  const sources = live.filter((f) => f.type === 'subtable' || f.type === 'relation');
  const source = byId.get(s['source'] as string);
  const rowFields = source?.type === 'subtable' ? columnsOf(source).filter((c) => !c.deleted) : targetFields;
  return (
    <>
      <SelectProp
        label={t('props.rollupSource')}
        value={(s['source'] as string) ?? UNSET_REF}
        options={fieldOptions(sources, s['source'])}
        onChange={(v) => setSetting('source', v || UNSET_REF)}
        hint={sources.length === 0 ? t('props.needSource') : undefined}
      />
      <SelectProp
        label={t('props.aggregation')}
        value={(s['aggregation'] as string) ?? 'count'}
        options={ROLLUP_AGGREGATIONS.map((a) => ({ value: a, label: t(`props.agg.${a}`) }))}
        onChange={(v) => setSetting('aggregation', v || 'count')}
      />
      {s['aggregation'] !== 'count' ? (
        <SelectProp
          label={t('props.rollupField')}
          value={(s['field'] as string) ?? ''}
          options={[
            { value: '', label: t('props.choose') },
            ...rowFields.map((f) => ({ value: f.id, label: localized(f.label) || f.id })),
          ]}
          onChange={(v) => setSetting('field', v || undefined)}
        />
      ) : null}
      <NumberProp
        label={t('props.decimals')}
        value={typeof s['decimals'] === 'number' ? s['decimals'] : undefined}
        min={0}
        max={10}
        step={1}
        onChange={(v) => setSetting('decimals', v)}
      />
    </>
  );
}
