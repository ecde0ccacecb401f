import { loadChinaRegions } from '@formflow/engine';
import { useEffect, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldRenderer, FieldRendererProps } from './types.js';

type RegionNode = { name: string; children: RegionNode[] };
type Address = { province?: string; city?: string; district?: string; detail?: string };
const LEVELS = ['province', 'city', 'district', 'detail'] as const;

/** The China region tree, loaded on first use (its own chunk: the public page fetches it only for an address). */
function useRegions(): readonly RegionNode[] | null {
  const [regions, setRegions] = useState<readonly RegionNode[] | null>(null);
  useEffect(() => {
    let live = true;
    void loadChinaRegions().then((tree) => {
      if (live) setRegions(tree);
    });
    return () => {
      live = false;
    };
  }, []);
  return regions;
}

function asAddress(value: unknown): Address {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Address) : {};
}

/** Only the parts up to the field's level, without blanks; null when nothing is left. */
function clean(address: Address, depth: number): Address | null {
  const out: Address = {};
  for (const part of LEVELS.slice(0, depth)) {
    const text = address[part];
    if (typeof text === 'string' && text !== '') out[part] = text;
  }
  return Object.keys(out).length > 0 ? out : null;
}

function AddressEdit({
  field,
  value,
  onChange,
  onBlur,
  readOnly,
  required,
  invalid,
  id,
  labelId,
  describedBy,
  inputRef,
}: FieldRendererProps) {
  const { t } = useTranslation('runtime');
  const regions = useRegions();
  const level = typeof field.settings?.level === 'string' ? field.settings.level : 'detail';
  const depth = Math.max(1, LEVELS.indexOf(level as (typeof LEVELS)[number]) + 1);
  const address = asAddress(value);
  const province = regions?.find((p) => p.name === address.province);
  const city = province?.children.find((c) => c.name === address.city);
  const set = (patch: Address) => onChange(clean({ ...address, ...patch }, depth));
  const choose = (
    part: 'province' | 'city' | 'district',
    nodes: readonly RegionNode[] | undefined,
    reset: Address,
    ref?: Ref<HTMLSelectElement>,
  ) => (
    <select
      ref={ref}
      className="ff-select"
      aria-label={t(`address.${part}`)}
      value={address[part] ?? ''}
      disabled={readOnly || !nodes || nodes.length === 0}
      aria-invalid={invalid || undefined}
      onChange={(event) => set({ [part]: event.target.value || undefined, ...reset })}
      onBlur={onBlur}
    >
      <option value="">{regions ? t(`address.${part}`) : t('loadingShort')}</option>
      {/* A stored name missing from the list (older data) stays selectable. */}
      {address[part] && nodes && !nodes.some((n) => n.name === address[part]) ? (
        <option value={address[part]}>{address[part]}</option>
      ) : null}
      {(nodes ?? []).map((node) => (
        <option key={node.name} value={node.name}>
          {node.name}
        </option>
      ))}
    </select>
  );
  return (
    <div
      id={id}
      role="group"
      aria-labelledby={labelId}
      aria-describedby={describedBy}
      aria-required={required || undefined}
      className="ff-rt-address"
    >
      <div className="ff-rt-address__parts">
        {choose(
          'province',
          regions ?? undefined,
          { city: undefined, district: undefined },
          inputRef as Ref<HTMLSelectElement>,
        )}
        {depth >= 2 ? choose('city', province?.children, { district: undefined }) : null}
        {depth >= 3 ? choose('district', city?.children, {}) : null}
      </div>
      {depth >= 4 ? (
        <input
          className="ff-input"
          aria-label={t('address.detail')}
          placeholder={t('address.detailPlaceholder')}
          value={address.detail ?? ''}
          readOnly={readOnly}
          aria-invalid={invalid || undefined}
          onChange={(event) => set({ detail: event.target.value })}
          onBlur={onBlur}
        />
      ) : null}
    </div>
  );
}

/** 地址: China province / city / district cascader (as deep as `settings.level`) and a detail line. */
export const addressRenderer: FieldRenderer = { label: 'group', Edit: AddressEdit };
