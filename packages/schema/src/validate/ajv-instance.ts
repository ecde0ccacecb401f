import { Ajv, type AnySchemaObject, type ValidateFunction } from 'ajv';
import type { FieldType } from '../field.js';
import { fieldSettingsSchemas } from '../field-settings/index.js';
import { definitionSchemas, schemaId } from '../schemas/index.js';

let instance: Ajv | undefined;
const definitionValidators = new Map<string, ValidateFunction>();
const settingsValidators = new Map<FieldType, ValidateFunction>();

/** The shared ajv: draft-07, strict, every error, `$data` off; all definition schemas registered by `$id`. */
export function getAjv(): Ajv {
  if (instance === undefined) {
    instance = new Ajv({
      allErrors: true,
      strict: true,
      allowUnionTypes: true,
      discriminator: true,
      verbose: true,
      $data: false,
    });
    instance.addSchema(definitionSchemas as AnySchemaObject[]);
  }
  return instance;
}

/** The compiled validator of a definition schema by name (`form`, `field`, `app`...), compiled once. */
export function getDefinitionValidator(name: string): ValidateFunction {
  let validate = definitionValidators.get(name);
  if (validate === undefined) {
    validate = getAjv().getSchema(schemaId(name));
    if (validate === undefined) throw new Error(`no definition schema named ${name}`);
    definitionValidators.set(name, validate);
  }
  return validate;
}

/** The compiled validator of `fieldSettingsSchemas[type]`, compiled once per type. */
export function getSettingsValidator(type: FieldType): ValidateFunction {
  let validate = settingsValidators.get(type);
  if (validate === undefined) {
    validate = getAjv().compile(fieldSettingsSchemas[type] as AnySchemaObject);
    settingsValidators.set(type, validate);
  }
  return validate;
}
