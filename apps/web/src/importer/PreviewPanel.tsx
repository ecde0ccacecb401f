import type { ImportPreview } from '../api/types.js';
import { ColumnMapping } from './ColumnMapping.js';
import type { Mapping } from './import-model.js';
import { PreviewFileFacts } from './PreviewFileFacts.js';
import { PreviewRowsTable } from './PreviewRowsTable.js';

/** Step 2: what the server read from the file, the column mapping and the checked first rows. */
export function PreviewPanel({
  file,
  preview,
  mapping,
  notes,
  updating,
  onMap,
}: {
  file: File;
  preview: ImportPreview;
  mapping: Mapping;
  notes: Record<string, string>;
  updating: boolean;
  onMap: (column: string, fieldId: string | null) => void;
}) {
  return (
    <>
      <PreviewFileFacts file={file} preview={preview} />
      <ColumnMapping preview={preview} mapping={mapping} notes={notes} onMap={onMap} />
      <PreviewRowsTable preview={preview} mapping={mapping} updating={updating} />
    </>
  );
}
