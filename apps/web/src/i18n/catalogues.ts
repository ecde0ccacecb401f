import { common } from './locales/common.js';
import { shell } from './locales/shell.js';
import { designer } from './locales/designer.js';
import { runtime } from './locales/runtime.js';
import { views } from './locales/views.js';
import { record } from './locales/record.js';
import { importer } from './locales/importer.js';
import { share } from './locales/share.js';

/** Every namespace, registered in one place. */
export const catalogues = { common, shell, designer, runtime, views, record, importer, share } as const;
