export { Button } from './Button.js';
export { Dialog } from './Dialog.js';
export { Drawer } from './Drawer.js';
export { Loading, Spinner } from './Spinner.js';
export { ErrorBanner, errorMessage } from './ErrorBanner.js';
export { localized } from './localized.js';
