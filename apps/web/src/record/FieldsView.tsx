import { useTranslation } from 'react-i18next';
import { Paperclip } from 'lucide-react';
import type { FieldDef } from '@formflow/schema';
import type { FormRecord, LiveForm } from '../api/types.js';
import { endpoints } from '../api/endpoints.js';
import { localized } from '../ui/index.js';
import type { FormatLookups } from '../runtime/format-value.js';
import { displayText, safeHref } from './record-display.js';
import { SelectTags, isSelectField, selectedIds } from './SelectTags.js';

type FileRef = { id: string; name?: string; size?: number; mime?: string };

const isFileRef = (value: unknown): value is FileRef =>
  typeof value === 'object' && value !== null && typeof (value as FileRef).id === 'string';

function filesOf(value: unknown): FileRef[] {
  if (Array.isArray(value)) return value.filter(isFileRef);
  return isFileRef(value) ? [value] : [];
}

function formatSize(bytes: number | undefined): string {
  if (typeof bytes !== 'number') return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Every readable field of the record, formatted (read-only); sections as headings. */
export function FieldsView({ form, record, lookups }: { form: LiveForm; record: FormRecord; lookups: FormatLookups }) {
  const readable = new Set(form.access.readable);
  const fields = form.fields.filter(
    (f) => !f.deleted && (f.type === 'section' || (f.type !== 'description' && readable.has(f.id))),
  );
  return (
    <dl className="ff-record-fields">
      {fields.map((field) =>
        field.type === 'section' ? (
          <h4 key={field.id} className="ff-record-fields__section">
            {localized(field.label)}
          </h4>
        ) : (
          <div key={field.id} className="ff-record-fields__row" data-field={field.id}>
            <dt>{localized(field.label)}</dt>
            <dd>
              <FieldValue field={field} value={record.data[field.id]} lookups={lookups} />
            </dd>
          </div>
        ),
      )}
    </dl>
  );
}

export function FieldValue({ field, value, lookups }: { field: FieldDef; value: unknown; lookups: FormatLookups }) {
  const { t } = useTranslation('record');
  const empty = <span className="ff-muted">—</span>;
  switch (field.type) {
    case 'image':
    case 'signature': {
      const files = filesOf(value);
      if (!files.length) return empty;
      return (
        <div className="ff-record-thumbs">
          {files.map((file) => (
            <a key={file.id} href={endpoints.files.url(file.id)} target="_blank" rel="noopener noreferrer">
              <img src={endpoints.files.url(file.id)} alt={file.name ?? t('image')} loading="lazy" />
            </a>
          ))}
        </div>
      );
    }
    case 'attachment': {
      const files = filesOf(value);
      if (!files.length) return empty;
      return (
        <ul className="ff-record-files">
          {files.map((file) => (
            <li key={file.id}>
              <a href={endpoints.files.url(file.id)} download={file.name ?? true}>
                <Paperclip size={14} aria-hidden="true" className="ff-record-files__icon" /> {file.name ?? file.id}
              </a>{' '}
              <span className="ff-muted">{formatSize(file.size)}</span>
            </li>
          ))}
        </ul>
      );
    }
    case 'subtable': {
      const rows = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
      if (!rows.length) return empty;
      const columns = ((field.settings?.fields ?? []) as FieldDef[]).filter((c) => !c.deleted);
      return (
        <div className="ff-record-subtable">
          <table>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.id}>{localized(c.label)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={typeof row.id === 'string' ? row.id : index}>
                  {columns.map((c) => (
                    <td key={c.id}>
                      {isSelectField(c) ? (
                        <SelectTags field={c} value={row[c.id]} />
                      ) : (
                        displayText(c, row[c.id], lookups)
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    }
    case 'select':
    case 'multiselect':
      if (!selectedIds(value).length) return empty;
      return <SelectTags field={field} value={value} />;
    case 'url': {
      const href = safeHref(value);
      if (href)
        return (
          <a href={href} target="_blank" rel="noopener noreferrer nofollow">
            {href}
          </a>
        );
      break;
    }
    default:
      break;
  }
  const text = displayText(field, value, lookups);
  if (!text) return empty;
  return <span className={field.type === 'textarea' ? 'ff-record-pre' : undefined}>{text}</span>;
}
