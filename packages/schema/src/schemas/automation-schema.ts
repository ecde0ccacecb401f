import type { JsonSchema } from '../json-schema.js';
import {
  boolSchema,
  DESCRIPTION_MAX,
  HTTP_URL_PATTERN,
  idMapSchema,
  idSchema,
  localizedTextSchema,
  NAME_MAX,
  ref,
  ruleSchema,
  schemaId,
} from './common.js';

const timezone: JsonSchema = { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$', maxLength: 64 };
const mapping = idMapSchema(ruleSchema, 1000);
const url: JsonSchema = { type: 'string', pattern: HTTP_URL_PATTERN, maxLength: 2000 };

function variant(tag: string, required: string[], properties: Record<string, JsonSchema>, withId = false) {
  return {
    type: 'object',
    required: withId ? ['id', 'type', ...required] : ['type', ...required],
    additionalProperties: false,
    properties: { ...(withId ? { id: idSchema } : {}), type: { const: tag }, ...properties },
  };
}

const triggerSchema: JsonSchema = {
  type: 'object',
  discriminator: { propertyName: 'type' },
  oneOf: [
    variant('recordCreated', ['formId'], { formId: idSchema }),
    variant('recordUpdated', ['formId'], {
      formId: idSchema,
      fields: { type: 'array', items: idSchema, maxItems: 500 },
    }),
    variant('recordDeleted', ['formId'], { formId: idSchema }),
    variant('workflowEnded', ['workflowId'], {
      workflowId: idSchema,
      outcome: { type: 'string', enum: ['approved', 'rejected', 'any'] },
    }),
    variant('schedule', ['cron'], {
      cron: { type: 'string', pattern: '^\\s*\\S+(\\s+\\S+){4}\\s*$', maxLength: 200 },
      timezone,
      formId: idSchema,
    }),
    variant('dateRelative', ['formId', 'dateField', 'offsetDays'], {
      formId: idSchema,
      dateField: idSchema,
      offsetDays: { type: 'integer', minimum: -3650, maximum: 3650 },
      time: { type: 'string', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' },
      timezone,
    }),
  ],
};

const actionSchema: JsonSchema = {
  type: 'object',
  discriminator: { propertyName: 'type' },
  oneOf: [
    variant('createRecord', ['formId', 'mapping'], { formId: idSchema, mapping }, true),
    variant(
      'updateRecords',
      ['formId', 'filter', 'mapping'],
      { formId: idSchema, filter: ref('filter'), mapping },
      true,
    ),
    variant(
      'upsertRecord',
      ['formId', 'matchField', 'mapping'],
      { formId: idSchema, matchField: idSchema, mapping },
      true,
    ),
    variant('deleteRecords', ['formId', 'filter'], { formId: idSchema, filter: ref('filter') }, true),
    variant('setFields', ['mapping'], { mapping }, true),
    variant(
      'notify',
      ['channel', 'to', 'title', 'body'],
      {
        channel: { type: 'string', enum: ['inApp', 'email', 'wecom', 'dingtalk', 'feishu'] },
        to: { type: 'array', items: ruleSchema, minItems: 1, maxItems: 500 },
        title: localizedTextSchema(NAME_MAX),
        body: localizedTextSchema(DESCRIPTION_MAX),
        url,
      },
      true,
    ),
    variant(
      'webhook',
      ['url'],
      {
        url,
        method: { type: 'string', enum: ['POST', 'PUT'] },
        secretRef: { type: 'string', minLength: 1, maxLength: 200 },
        body: ruleSchema,
      },
      true,
    ),
    variant('startWorkflow', ['workflowId'], { workflowId: idSchema }, true),
  ],
};

export const automationSchema: JsonSchema = {
  $id: schemaId('automation'),
  type: 'object',
  required: ['id', 'name', 'trigger', 'actions'],
  additionalProperties: false,
  properties: {
    id: idSchema,
    name: localizedTextSchema(NAME_MAX),
    enabled: boolSchema,
    trigger: triggerSchema,
    condition: ruleSchema,
    actions: { type: 'array', items: actionSchema, minItems: 1, maxItems: 100 },
  },
};
