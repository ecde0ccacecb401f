import { useState, type ComponentType, type ReactNode, type Ref } from 'react';
import { X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.js';
import { Dialog } from '../../ui/Dialog.js';
import { Spinner } from '../../ui/Spinner.js';
import type { FieldRenderer, FieldRendererProps } from './types.js';

export type PickItem = { id: string; label: string; hint?: string; depth?: number };

/**
 * A searchable picker: chips of what is chosen and a button that opens a dialog with a search box and the list
 * (checkboxes when `multiple`, a tap chooses and closes otherwise). `search` filters locally unless `onSearch` is given
 * (the caller then feeds `items` for the query, e.g. from the server).
 */
export function Picker({
  id,
  labelId,
  describedBy,
  invalid,
  readOnly,
  multiple,
  chosen,
  labelOf,
  items,
  loading,
  onSearch,
  onChange,
  title,
  inputRef,
  footer,
  onOpen,
}: {
  id: string;
  labelId: string;
  describedBy?: string;
  invalid: boolean;
  readOnly: boolean;
  multiple: boolean;
  chosen: string[];
  labelOf: (id: string) => string;
  items: PickItem[];
  loading?: boolean;
  onSearch?: (query: string) => void;
  onChange: (ids: string[]) => void;
  title: ReactNode;
  inputRef?: Ref<HTMLElement | null>;
  footer?: ReactNode;
  /** Called when the dialog opens (load the list lazily). */
  onOpen?: () => void;
}) {
  const { t } = useTranslation('runtime');
  const { t: tc } = useTranslation();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const folded = query.trim().toLowerCase();
  const shown =
    onSearch || !folded
      ? items
      : items.filter((item) => `${item.label} ${item.hint ?? ''}`.toLowerCase().includes(folded));
  const toggle = (itemId: string) => {
    if (!multiple) {
      onChange([itemId]);
      setOpen(false);
      return;
    }
    onChange(chosen.includes(itemId) ? chosen.filter((c) => c !== itemId) : [...chosen, itemId]);
  };
  return (
    <div
      id={id}
      role="group"
      aria-labelledby={labelId}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      className="ff-rt-picker"
    >
      {chosen.length > 0 ? (
        <ul className="ff-rt-picker__chips">
          {chosen.map((c) => (
            <li key={c} className="ff-tag ff-rt-chip">
              <span>{labelOf(c)}</span>
              {!readOnly ? (
                <button
                  type="button"
                  className="ff-rt-chip__x"
                  aria-label={t('picker.remove', { name: labelOf(c) })}
                  onClick={() => onChange(chosen.filter((x) => x !== c))}
                >
                  <X size={14} aria-hidden />
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : readOnly ? (
        <span className="ff-muted">{t('emptyValue')}</span>
      ) : null}
      {!readOnly ? (
        <button
          ref={inputRef as Ref<HTMLButtonElement>}
          type="button"
          className="ff-btn"
          onClick={() => {
            setOpen(true);
            onOpen?.();
          }}
          aria-haspopup="dialog"
        >
          {chosen.length > 0 && !multiple ? t('picker.change') : t('picker.choose')}
        </button>
      ) : null}
      <Dialog
        open={open}
        title={title}
        onClose={() => setOpen(false)}
        footer={
          multiple ? (
            <Button variant="primary" onClick={() => setOpen(false)}>
              {tc('confirm')}
            </Button>
          ) : undefined
        }
      >
        <input
          className="ff-input"
          type="search"
          aria-label={tc('search')}
          placeholder={tc('search')}
          value={query}
          autoFocus
          onChange={(event) => {
            setQuery(event.target.value);
            onSearch?.(event.target.value);
          }}
        />
        <ul
          className="ff-rt-picker__list"
          role="listbox"
          aria-multiselectable={multiple || undefined}
          aria-label={typeof title === 'string' ? title : undefined}
        >
          {shown.map((item) => {
            const on = chosen.includes(item.id);
            return (
              <li
                key={item.id}
                role="option"
                aria-selected={on}
                tabIndex={0}
                className={'ff-rt-picker__item' + (on ? ' ff-rt-picker__item--on' : '')}
                style={item.depth ? { paddingLeft: 12 + item.depth * 16 } : undefined}
                onClick={() => toggle(item.id)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' || event.key === ' ') {
                    event.preventDefault();
                    toggle(item.id);
                  }
                }}
              >
                {multiple ? (
                  <span className="ff-rt-picker__check" aria-hidden="true">
                    {on ? '☑' : '☐'}
                  </span>
                ) : null}
                <span className="ff-rt-picker__label">{item.label}</span>
                {item.hint ? <span className="ff-muted ff-rt-picker__hint">{item.hint}</span> : null}
              </li>
            );
          })}
        </ul>
        {loading ? <Spinner /> : shown.length === 0 ? <div className="ff-muted">{t('picker.nothing')}</div> : null}
        {footer}
      </Dialog>
    </div>
  );
}

export const idsOf = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === null || value === undefined || value === '' ? [] : [value]).map(String);

/**
 * The Picker of a field whose value is one id, or a list of ids when `settings.multiple` (member, department,
 * relation): the caller gives what to pick from (`items`, `labelOf`, `title`…), this maps the value to and from ids.
 */
export function FieldPicker({
  field,
  value,
  onChange,
  readOnly,
  invalid,
  id,
  labelId,
  describedBy,
  inputRef,
  labelOf,
  items,
  loading,
  onSearch,
  onOpen,
  title,
}: FieldRendererProps & {
  labelOf: (id: string) => string;
  items: PickItem[];
  loading?: boolean;
  onSearch?: (query: string) => void;
  onOpen?: () => void;
  title: ReactNode;
}) {
  const multiple = field.settings?.multiple === true;
  return (
    <Picker
      id={id}
      labelId={labelId}
      describedBy={describedBy}
      invalid={invalid}
      readOnly={readOnly}
      multiple={multiple}
      chosen={idsOf(value)}
      labelOf={labelOf}
      items={items}
      loading={loading}
      onSearch={onSearch}
      onOpen={onOpen}
      onChange={(ids) => onChange(multiple ? ids : (ids[0] ?? null))}
      title={title}
      inputRef={inputRef}
    />
  );
}

/** The renderer of a picker field: a group under its label; the view is the same picker, read-only. */
export function pickerRenderer(Edit: ComponentType<FieldRendererProps>): FieldRenderer {
  return {
    label: 'group',
    Edit,
    View: (props) => <Edit {...props} readOnly />,
  };
}
