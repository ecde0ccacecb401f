import { FilesField } from './files-field.js';
import type { FieldRenderer } from './types.js';

/** 图片: upload with progress, thumbnails, remove. */
export const imageRenderer: FieldRenderer = {
  label: 'group',
  Edit: (props) => <FilesField {...props} image />,
  View: (props) => <FilesField {...props} image readOnly />,
};
