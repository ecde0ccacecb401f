import type { Id } from './ids.js';
import type { LocalizedText } from './localized.js';

/** `template.json`: the manifest of a template folder (DESIGN.md §11). */
export type TemplateManifest = {
  id: Id;
  name: LocalizedText;
  /** Semantic version of the template, e.g. `1.2.0`. */
  version: string;
  description?: LocalizedText;
  /** Semver range of the engine this template works with, e.g. `^0.1.0`. */
  engine: string;
  /** Relative path of the app definition JSON. */
  app: string;
  /** Relative paths of sample data files (`{ formId: records[] }`). */
  sampleData?: string[];
  /** Relative path of the template's tests folder. */
  tests?: string;
  author?: string;
  license?: string;
  tags?: string[];
};
