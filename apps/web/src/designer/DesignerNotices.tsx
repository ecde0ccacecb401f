import { useTranslation } from 'react-i18next';
import type { FormDef } from '@formflow/schema';
import { localized } from '../ui/localized.js';
import type { DesignerProblem } from './check-form.js';
import { findField } from './field-tree.js';

/** A banner under the toolbar with a close button: `info` for news (role=status), otherwise an error (role=alert). */
export function DismissibleBanner({
  message,
  info = false,
  onClose,
}: {
  message: string;
  info?: boolean;
  onClose: () => void;
}) {
  const { t: tc } = useTranslation();
  return (
    <div
      className={info ? 'ff-banner ff-banner--info dz-notice' : 'ff-banner dz-notice'}
      role={info ? 'status' : 'alert'}
    >
      {message}
      <button type="button" className="dz-mini" aria-label={tc('close')} onClick={onClose}>
        ✕
      </button>
    </div>
  );
}

/** The draft's problems, each a link to its field (or the form panel for a rule's). */
export function ProblemBar({
  form,
  problems,
  onSelectField,
  onShowForm,
}: {
  form: FormDef;
  problems: DesignerProblem[];
  onSelectField: (fieldId: string) => void;
  onShowForm: () => void;
}) {
  const { t } = useTranslation('designer');
  return (
    <details className="dz-problembar" role="alert" open>
      <summary>{t('problems.title', { count: problems.length })}</summary>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>
            <button
              type="button"
              className="dz-linkbtn"
              onClick={() => {
                if (p.fieldId) onSelectField(p.fieldId);
                else if (p.ruleIndex !== undefined) onShowForm();
              }}
            >
              <code>{p.fieldId ? localized(findField(form, p.fieldId)?.field.label) || p.path : p.path || '—'}</code>
            </button>{' '}
            {p.message}
          </li>
        ))}
      </ul>
    </details>
  );
}
