import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '@formflow/schema';
import { Button } from '../ui/Button.js';
import { localized } from '../ui/localized.js';
import { SaveStatusBadge } from './SaveStatusBadge.js';
import type { DraftEditor } from './use-draft-editor.js';

/** The designer's top bar: back to the app, the form's name, the save status, undo / redo, preview and publish. */
export function DesignerToolbar({
  appId,
  formName,
  editor,
  previewing,
  onTogglePreview,
  onPublish,
}: {
  appId: string;
  formName: LocalizedText;
  editor: DraftEditor;
  previewing: boolean;
  onTogglePreview: () => void;
  onPublish: () => void;
}) {
  const { t } = useTranslation('designer');
  const { dispatch, flush } = editor;
  return (
    <header className="dz-toolbar">
      <Link to={`/apps/${encodeURIComponent(appId)}`} className="dz-back" aria-label={t('toolbar.back')}>
        ←
      </Link>
      <h1 className="dz-title">{localized(formName) || t('toolbar.untitled')}</h1>
      <SaveStatusBadge status={editor.status} problems={editor.problems.length} onRetry={() => void flush()} />
      <div className="dz-toolbar__spacer" />
      <Button
        small
        variant="ghost"
        disabled={!editor.canUndo}
        onClick={() => dispatch({ type: 'undo' })}
        aria-label={t('toolbar.undo')}
        title={t('toolbar.undoKey')}
      >
        ↶<span className="dz-hide-phone"> {t('toolbar.undo')}</span>
      </Button>
      <Button
        small
        variant="ghost"
        disabled={!editor.canRedo}
        onClick={() => dispatch({ type: 'redo' })}
        aria-label={t('toolbar.redo')}
        title={t('toolbar.redoKey')}
      >
        ↷<span className="dz-hide-phone"> {t('toolbar.redo')}</span>
      </Button>
      <Button small aria-pressed={previewing} onClick={onTogglePreview}>
        {previewing ? t('toolbar.closePreview') : t('toolbar.preview')}
      </Button>
      <Button small variant="primary" onClick={onPublish}>
        {t('toolbar.publish')}
      </Button>
    </header>
  );
}
