import type { SemanticOptions } from '../semantic/run-semantic-checks.js';
import { checkJsonSafety } from '../guards/check-json-safety.js';
import type { Problem } from '../problem.js';
import { runSemanticChecks } from '../semantic/run-semantic-checks.js';
import type { DefinitionKind } from './definition-kind.js';
import { validateStructure } from './validate-structure.js';

function dedupe(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.code}\u0000${p.path}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Validates a definition (an app by default) and returns every problem found, each with its path:
 * 1. JSON safety guards (depth, sizes, forbidden keys, invalid characters, non-JSON values), iterative; when they
 *    fail, nothing else runs on the value;
 * 2. JSON Schemas (ajv) and every field's settings schema;
 * 3. meaning checks (duplicate ids, references, rule vars, cycles, sub-tables, patterns).
 * An empty array means valid. Hostile input (deep, huge, polluting, cyclic) never makes it throw.
 */
export function validateDefinition(
  value: unknown,
  kind: DefinitionKind = 'app',
  options: SemanticOptions = {},
): Problem[] {
  const guards = checkJsonSafety(value);
  if (guards.length > 0) return guards;
  return dedupe([...validateStructure(value, kind), ...runSemanticChecks(value, kind, options)]);
}
