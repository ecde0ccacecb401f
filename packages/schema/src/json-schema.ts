/** A JSON Schema (draft-07 subset used with ajv). Kept loose on purpose: ajv checks the schemas themselves. */
export type JsonSchema = { [key: string]: unknown };
