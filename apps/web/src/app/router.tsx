import { lazy, Suspense, type ComponentType } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { Loading } from '../ui/Spinner.js';
import { RequireSignIn } from './RequireSignIn.js';

/** Each screen is its own chunk: the public form page must not pull the designer, the grid or charts. */
function page(load: () => Promise<{ default: ComponentType }>) {
  const Component = lazy(load);
  return (
    <Suspense fallback={<Loading />}>
      <Component />
    </Suspense>
  );
}

const pages = {
  login: () => import('../shell/LoginPage.js').then((m) => ({ default: m.LoginPage })),
  home: () => import('../shell/HomePage.js').then((m) => ({ default: m.HomePage })),
  appLayout: () => import('../shell/AppLayout.js').then((m) => ({ default: m.AppLayout })),
  appIndex: () => import('../shell/AppIndexPage.js').then((m) => ({ default: m.AppIndexPage })),
  formData: () => import('../views/FormDataPage.js').then((m) => ({ default: m.FormDataPage })),
  designer: () => import('../designer/DesignerPage.js').then((m) => ({ default: m.DesignerPage })),
  submit: () => import('../runtime/SubmitPage.js').then((m) => ({ default: m.SubmitPage })),
  importer: () => import('../importer/ImportPage.js').then((m) => ({ default: m.ImportPage })),
  publicForm: () => import('../public/PublicFormPage.js').then((m) => ({ default: m.PublicFormPage })),
};

/**
 * The routes (DESIGN.md §10):
 * - `/login`; `/` workspace home (apps);
 * - `/apps/:appId` app shell with its forms; `/apps/:appId/forms/:formId` the data views (grid, kanban, calendar;
 *   `?view=<viewId>` picks a saved view, `?record=<recordId>` opens the record drawer);
 * - `/apps/:appId/forms/:formId/design` the designer; `/new` fill the form; `/import` import wizard;
 * - `/f/:token` the public form (外链), no sign-in, its own small chunk.
 */
export const router = createBrowserRouter([
  { path: '/login', element: page(pages.login) },
  { path: '/f/:token', element: page(pages.publicForm) },
  {
    path: '/',
    element: <RequireSignIn />,
    children: [
      { index: true, element: page(pages.home) },
      {
        path: 'apps/:appId',
        element: page(pages.appLayout),
        children: [
          { index: true, element: page(pages.appIndex) },
          { path: 'forms/:formId', element: page(pages.formData) },
          { path: 'forms/:formId/design', element: page(pages.designer) },
          { path: 'forms/:formId/new', element: page(pages.submit) },
          { path: 'forms/:formId/import', element: page(pages.importer) },
        ],
      },
    ],
  },
  { path: '*', element: <Navigate to="/" replace /> },
]);
