export const DEFINITION_KINDS = [
  'app',
  'form',
  'view',
  'workflow',
  'automation',
  'dashboard',
  'permissionGroup',
  'template',
] as const;

export type DefinitionKind = (typeof DEFINITION_KINDS)[number];

/** The schema name (see `schemaId`) validating each kind. */
export const KIND_SCHEMA_NAMES: Record<DefinitionKind, string> = {
  app: 'app',
  form: 'form',
  view: 'view',
  workflow: 'workflow',
  automation: 'automation',
  dashboard: 'dashboard',
  permissionGroup: 'permission-group',
  template: 'template',
};
