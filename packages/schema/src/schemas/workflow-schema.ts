import type { JsonSchema } from '../json-schema.js';
import { boolSchema, idMapSchema, idSchema, localizedTextSchema, NAME_MAX, ruleSchema, schemaId } from './common.js';

const nodeRef = { $ref: '#/definitions/node' };
const nodeList: JsonSchema = { type: 'array', items: nodeRef, maxItems: 500 };
const assignees: JsonSchema = { type: 'array', items: { $ref: '#/definitions/assignee' }, minItems: 1, maxItems: 500 };
const fieldPermissions = idMapSchema({ type: 'string', enum: ['hidden', 'visible', 'editable', 'required'] });
const deadline = { $ref: '#/definitions/deadline' };
const branches: JsonSchema = { type: 'array', items: { $ref: '#/definitions/branch' }, minItems: 2, maxItems: 50 };

function node(type: string, required: string[], properties: Record<string, JsonSchema>): JsonSchema {
  return {
    type: 'object',
    required: ['id', 'type', ...required],
    additionalProperties: false,
    properties: { id: idSchema, name: localizedTextSchema(NAME_MAX), type: { const: type }, ...properties },
  };
}

function assignee(kind: string, required: string[], properties: Record<string, JsonSchema>): JsonSchema {
  return {
    type: 'object',
    required: ['kind', ...required],
    additionalProperties: false,
    properties: { kind: { const: kind }, ...properties },
  };
}

/** The workflow tree: nodes, with branch/parallel nodes holding branches of nodes (recursive). */
export const workflowSchema: JsonSchema = {
  $id: schemaId('workflow'),
  type: 'object',
  required: ['id', 'formId', 'name', 'nodes'],
  additionalProperties: false,
  properties: {
    id: idSchema,
    formId: idSchema,
    name: localizedTextSchema(NAME_MAX),
    enabled: boolSchema,
    nodes: { ...nodeList, minItems: 1 },
  },
  definitions: {
    node: {
      type: 'object',
      discriminator: { propertyName: 'type' },
      oneOf: [
        node('start', [], { fieldPermissions }),
        node('approve', ['assignees', 'mode'], {
          assignees,
          mode: { type: 'string', enum: ['single', 'all', 'any', 'vote'] },
          voteThreshold: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
          fieldPermissions,
          deadline,
          allowedActions: {
            type: 'array',
            items: { type: 'string', enum: ['approve', 'reject', 'return', 'transfer', 'addSigner', 'withdraw'] },
            uniqueItems: true,
            maxItems: 6,
          },
        }),
        node('fill', ['assignees'], { assignees, fieldPermissions, deadline }),
        node('cc', ['assignees'], { assignees }),
        node('branch', ['branches'], { branches }),
        node('parallel', ['branches'], { branches }),
        node('action', ['automationId'], { automationId: idSchema }),
        node('end', [], {}),
      ],
    },
    branch: {
      type: 'object',
      required: ['id', 'nodes'],
      additionalProperties: false,
      properties: { id: idSchema, name: localizedTextSchema(NAME_MAX), condition: ruleSchema, nodes: nodeList },
    },
    assignee: {
      type: 'object',
      discriminator: { propertyName: 'kind' },
      oneOf: [
        assignee('member', ['id'], { id: idSchema }),
        assignee('department', ['id'], { id: idSchema }),
        assignee('role', ['id'], { id: idSchema }),
        assignee('field', ['fieldId'], { fieldId: idSchema }),
        assignee('submitter', [], {}),
        assignee('submitterManager', [], { level: { type: 'integer', minimum: 1, maximum: 20 } }),
      ],
    },
    deadline: {
      type: 'object',
      required: ['hours'],
      additionalProperties: false,
      properties: {
        hours: { type: 'number', exclusiveMinimum: 0, maximum: 8760 },
        remindBeforeHours: { type: 'number', exclusiveMinimum: 0, maximum: 8760 },
        onTimeout: { type: 'string', enum: ['remind', 'approve', 'reject'] },
      },
    },
  },
};
