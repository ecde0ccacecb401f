import { useRef, useState } from 'react';
import { useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { endpoints } from '../api/endpoints.js';
import { keys } from '../api/query-keys.js';
import type { ImportOptions, ImportPreview } from '../api/types.js';
import { useLiveForm } from '../queries/use-live-form.js';
import { ErrorBanner } from '../ui/ErrorBanner.js';
import { localized } from '../ui/localized.js';
import { FileChooser } from './FileChooser.js';
import { dedupeCandidates, initialMapping, mappingChanged, type Mapping } from './import-model.js';
import { ImportHeader } from './ImportHeader.js';
import { ImportOptionsSection, type ImportMode } from './ImportOptionsSection.js';
import { JobProgress } from './JobProgress.js';
import { PreviewPanel } from './PreviewPanel.js';
import './importer.css';

/**
 * `/apps/:appId/forms/:formId/import`: choose a CSV/XLSX file → preview (encoding, delimiter, column → field mapping,
 * the first rows checked, bad cells red) and options → a background job with a progress bar → the summary and the
 * error report (docs/api/import.md).
 */
export function ImportPage() {
  const { appId = '', formId = '' } = useParams();
  const form = useLiveForm(formId);
  const queryClient = useQueryClient();

  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [mapping, setMapping] = useState<Mapping>({});
  const [previewError, setPreviewError] = useState<unknown>(null);
  const [previewing, setPreviewing] = useState(false);
  const [uploaded, setUploaded] = useState<number | null>(null);
  const [mode, setMode] = useState<ImportMode>('allOrNothing');
  const [dedupeField, setDedupeField] = useState('');
  const [onDuplicate, setOnDuplicate] = useState<'update' | 'skip'>('update');
  const [jobId, setJobId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<unknown>(null);
  const request = useRef(0);

  const runPreview = async (chosen: File, wanted?: Mapping) => {
    const mine = ++request.current;
    setPreviewing(true);
    setPreviewError(null);
    try {
      // The server checks `options` strictly: `mode` is required whenever the part is sent.
      const options: ImportOptions = { mode: 'allOrNothing', ...(wanted ? { mapping: wanted } : {}) };
      const answer = await endpoints.imports.preview(formId, chosen, options);
      if (mine !== request.current) return;
      if (!wanted) {
        // Columns the server cannot import as proposed are skipped; their reason stays visible beside them.
        const reasons: Record<string, string> = {};
        for (const column of answer.columns) if (column.error) reasons[column.column] = column.error.message;
        setNotes(reasons);
        const proposed = initialMapping(answer);
        setMapping(proposed);
        setPreview(answer);
        if (mappingChanged(answer, proposed)) void runPreview(chosen, proposed);
        else setPreviewing(false);
        return;
      }
      setPreview(answer);
      setPreviewing(false);
    } catch (error) {
      if (mine !== request.current) return;
      setPreviewError(error);
      setPreviewing(false);
    }
  };

  const choose = (chosen: File | undefined) => {
    if (!chosen) return;
    setFile(chosen);
    setPreview(null);
    setNotes({});
    setMapping({});
    setDedupeField('');
    setStartError(null);
    void runPreview(chosen);
  };

  const changeMapping = (column: string, fieldId: string | null) => {
    const next = { ...mapping, [column]: fieldId };
    setMapping(next);
    if (file) void runPreview(file, next);
  };

  const candidates = preview ? dedupeCandidates(preview, mapping) : [];
  const dedupe = candidates.some((field) => field.id === dedupeField) ? dedupeField : '';

  const start = async () => {
    if (!file) return;
    setStarting(true);
    setStartError(null);
    setUploaded(0);
    try {
      const options: ImportOptions = {
        mode,
        mapping,
        ...(dedupe ? { dedupe: { field: dedupe, onDuplicate } } : {}),
      };
      const accepted = await endpoints.imports.start(formId, file, options, setUploaded);
      setJobId(accepted.jobId);
    } catch (error) {
      setStartError(error);
    } finally {
      setStarting(false);
      setUploaded(null);
    }
  };

  const reset = () => {
    request.current += 1;
    setFile(null);
    setPreview(null);
    setJobId(null);
    setPreviewError(null);
    setStartError(null);
    setPreviewing(false);
  };

  const formName = form.data ? localized(form.data.name) : '';
  const step = jobId ? 3 : preview ? 2 : 1;
  const dataHref = `/apps/${encodeURIComponent(appId)}/forms/${encodeURIComponent(formId)}`;

  return (
    <div className="ff-import">
      <ImportHeader dataHref={dataHref} formName={formName} step={step} />

      {jobId ? (
        <JobProgress
          jobId={jobId}
          fileName={file?.name ?? ''}
          dataHref={dataHref}
          onFinished={() => void queryClient.invalidateQueries({ queryKey: keys.records(formId) })}
          onAgain={reset}
        />
      ) : (
        <>
          <FileChooser file={file} busy={previewing && !preview} onChoose={choose} />
          <ErrorBanner error={previewError} />
          {preview && file ? (
            <>
              <PreviewPanel
                file={file}
                preview={preview}
                mapping={mapping}
                notes={notes}
                updating={previewing}
                onMap={changeMapping}
              />
              <ImportOptionsSection
                mode={mode}
                onMode={setMode}
                candidates={candidates}
                dedupe={dedupe}
                onDedupeField={setDedupeField}
                onDuplicate={onDuplicate}
                onOnDuplicate={setOnDuplicate}
                startError={startError}
                uploaded={uploaded}
                starting={starting}
                previewing={previewing}
                onStart={() => void start()}
              />
            </>
          ) : null}
        </>
      )}
    </div>
  );
}
