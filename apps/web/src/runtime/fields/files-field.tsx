import { useRef, useState, type Ref } from 'react';
import { X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.js';
import { errorMessage } from '../../ui/ErrorBanner.js';
import { fileRefsOf, fileSize, previewOf, rememberPreview } from './file-previews.js';
import type { FieldRendererProps, FileRef } from './types.js';

type Pending = { key: number; name: string; progress: number; error?: string };

let nextKey = 1;

/** A thumbnail (images) or a file chip; the name is text, never markup. */
export function FileItem({
  file,
  image,
  url,
  onRemove,
}: {
  file: FileRef;
  image: boolean;
  url: string | null;
  onRemove?: () => void;
}) {
  const { t } = useTranslation('runtime');
  const src = image && file.mime.startsWith('image/') ? (previewOf(file.id) ?? url) : null;
  return (
    <li className={'ff-rt-file' + (src ? ' ff-rt-file--image' : '')}>
      {src ? (
        <img src={src} alt={file.name} className="ff-rt-file__thumb" />
      ) : (
        <span className="ff-rt-file__icon" aria-hidden="true">
          📄
        </span>
      )}
      <span className="ff-rt-file__name" title={file.name}>
        {url && !src ? (
          <a href={url} target="_blank" rel="noopener noreferrer">
            {file.name}
          </a>
        ) : (
          file.name
        )}
        <span className="ff-muted"> {fileSize(file.size)}</span>
      </span>
      {onRemove ? (
        <Button variant="ghost" small onClick={onRemove} aria-label={t('files.remove', { name: file.name })}>
          <X size={14} aria-hidden />
        </Button>
      ) : null}
    </li>
  );
}

/** Image and attachment fields: pick files, upload each with a progress bar, list them with thumbnails, remove. */
export function FilesField(props: FieldRendererProps & { image: boolean }) {
  const { field, value, onChange, readOnly, invalid, id, labelId, describedBy, ctx, path, image, inputRef } = props;
  const { t } = useTranslation('runtime');
  const { t: tc } = useTranslation();
  const [pending, setPending] = useState<Pending[]>([]);
  const files = fileRefsOf(value);
  const latest = useRef(files);
  latest.current = files;
  const settings = field.settings ?? {};
  const maxFiles = typeof settings.maxFiles === 'number' ? settings.maxFiles : 20;
  const accept = Array.isArray(settings.accept) ? settings.accept.join(',') : image ? 'image/*' : undefined;
  const canAdd = !readOnly && ctx.upload !== undefined && files.length + pending.length < maxFiles;

  const start = (list: FileList | null) => {
    const upload = ctx.upload;
    if (!list || !upload) return;
    for (const file of Array.from(list).slice(0, Math.max(0, maxFiles - files.length - pending.length))) {
      const key = nextKey++;
      setPending((p) => [...p, { key, name: file.name, progress: 0 }]);
      upload(path, file, (progress) => setPending((p) => p.map((x) => (x.key === key ? { ...x, progress } : x))))
        .then((uploaded) => {
          const ref: FileRef = { id: uploaded.id, name: uploaded.name, size: uploaded.size, mime: uploaded.mime };
          rememberPreview(ref.id, file);
          latest.current = [...latest.current, ref];
          onChange(latest.current);
          setPending((p) => p.filter((x) => x.key !== key));
        })
        .catch((error: unknown) => {
          setPending((p) => p.map((x) => (x.key === key ? { ...x, error: errorMessage(error, tc as never) } : x)));
        });
    }
  };

  return (
    <div
      id={id}
      role="group"
      aria-labelledby={labelId}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      className="ff-rt-files"
    >
      {files.length + pending.length > 0 ? (
        <ul className="ff-rt-files__list">
          {files.map((file) => (
            <FileItem
              key={file.id}
              file={file}
              image={image}
              url={ctx.fileUrl(file)}
              onRemove={readOnly ? undefined : () => onChange(files.filter((f) => f.id !== file.id))}
            />
          ))}
          {pending.map((p) => (
            <li key={p.key} className="ff-rt-file ff-rt-file--pending">
              <span className="ff-rt-file__name">{p.name}</span>
              {p.error ? (
                <>
                  <span className="ff-error-text" role="alert">
                    {p.error}
                  </span>
                  <Button
                    variant="ghost"
                    small
                    onClick={() => setPending((all) => all.filter((x) => x.key !== p.key))}
                    aria-label={t('files.dismiss')}
                  >
                    <X size={14} aria-hidden />
                  </Button>
                </>
              ) : (
                <progress
                  className="ff-rt-progress"
                  max={1}
                  value={p.progress}
                  aria-label={t('files.uploading', { name: p.name })}
                />
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {canAdd ? (
        <label className="ff-btn ff-rt-files__add">
          <span>{image ? t('files.addImage') : t('files.addFile')}</span>
          <input
            ref={inputRef as Ref<HTMLInputElement>}
            type="file"
            className="ff-visually-hidden"
            accept={accept}
            multiple={maxFiles - files.length > 1}
            capture={image && settings.cameraOnly === true ? 'environment' : undefined}
            onChange={(event) => {
              start(event.target.files);
              event.target.value = '';
            }}
          />
        </label>
      ) : null}
      {!readOnly && ctx.upload === undefined ? <div className="ff-muted">{t('files.disabledInPreview')}</div> : null}
      {readOnly && files.length === 0 ? <span className="ff-muted">{t('emptyValue')}</span> : null}
    </div>
  );
}
