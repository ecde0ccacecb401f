import type { FieldType } from '@formflow/schema';
import type { FieldTypeDef } from './field-type.js';

export type FieldRegistry = {
  get(type: FieldType): FieldTypeDef;
  has(type: string): type is FieldType;
  all(): readonly FieldTypeDef[];
};

/** Builds a registry from field type modules; a type registered twice is a programming error and throws. */
export function createFieldRegistry(defs: readonly FieldTypeDef[]): FieldRegistry {
  const byType = new Map<string, FieldTypeDef>();
  for (const def of defs) {
    if (byType.has(def.type)) throw new Error(`field type "${def.type}" is registered twice`);
    byType.set(def.type, def);
  }
  return {
    get(type) {
      const def = byType.get(type);
      if (!def) throw new Error(`unknown field type "${type}"`);
      return def;
    },
    has(type): type is FieldType {
      return byType.has(type);
    },
    all: () => [...byType.values()],
  };
}
