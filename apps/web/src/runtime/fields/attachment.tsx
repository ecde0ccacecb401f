import { FilesField } from './files-field.js';
import type { FieldRenderer } from './types.js';

/** 附件: upload with progress, file chips, remove. */
export const attachmentRenderer: FieldRenderer = {
  label: 'group',
  Edit: (props) => <FilesField {...props} image={false} />,
  View: (props) => <FilesField {...props} image={false} readOnly />,
};
