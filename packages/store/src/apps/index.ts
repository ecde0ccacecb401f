export { AppRepository } from './app-repository.js';
export { checkAppDefinitionWithForms, type CheckedApp } from './check-app-definition-with-forms.js';
export type * from './app-types.js';
