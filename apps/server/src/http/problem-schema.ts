/** RFC 9457 problem details, as every error of the API is answered; extension members (`current`…) are kept. */
export const problemSchema = {
  type: 'object',
  description: 'application/problem+json',
  additionalProperties: true,
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    code: { type: 'string' },
    detail: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: { path: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
} as const;

/** The error answers a route may give, for the OpenAPI document: `problems(400, 403, 404)`. */
export function problems(...statuses: number[]): Record<string, typeof problemSchema> {
  const out: Record<string, typeof problemSchema> = {};
  for (const status of statuses) out[String(status)] = problemSchema;
  return out;
}
