import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { records } from './record-tables.js';

export const workflowInstances = sqliteTable(
  'workflow_instances',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull(),
    workflowId: text('workflow_id').notNull(),
    workflowVersion: integer('workflow_version').notNull(),
    formId: text('form_id').notNull(),
    recordId: text('record_id')
      .notNull()
      .references(() => records.id),
    status: text('status').notNull(),
    state: text('state', { mode: 'json' }).notNull().default({}),
    version: integer('version').notNull().default(1),
    startedBy: text('started_by'),
    startedAt: text('started_at').notNull(),
    endedAt: text('ended_at'),
  },
  (t) => [index('workflow_instances_by_record').on(t.workspaceId, t.recordId)],
);

export const workflowTasks = sqliteTable(
  'workflow_tasks',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull(),
    instanceId: text('instance_id')
      .notNull()
      .references(() => workflowInstances.id),
    nodeId: text('node_id').notNull(),
    assignee: text('assignee'),
    status: text('status').notNull(),
    decision: text('decision'),
    comment: text('comment'),
    createdAt: text('created_at').notNull(),
    dueAt: text('due_at'),
    completedBy: text('completed_by'),
    completedAt: text('completed_at'),
  },
  (t) => [
    index('workflow_tasks_by_assignee').on(t.workspaceId, t.assignee, t.status),
    index('workflow_tasks_by_instance').on(t.instanceId),
  ],
);

export const jobs = sqliteTable(
  'jobs',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id'),
    kind: text('kind').notNull(),
    payload: text('payload', { mode: 'json' }).notNull(),
    status: text('status').notNull().default('pending'),
    runAt: text('run_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    idempotencyKey: text('idempotency_key').unique(),
    lockedBy: text('locked_by'),
    lockedUntil: text('locked_until'),
    lastError: text('last_error'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('jobs_due').on(t.status, t.runAt)],
);

/**
 * Transactional outbox: rows written in the same transaction as the change they announce, numbered in commit order
 * (the rowid). It holds undelivered messages only, so it is read in `id` order without an index (migration 0006).
 */
export const outbox = sqliteTable('outbox', {
  id: integer('id').primaryKey(),
  workspaceId: text('workspace_id'),
  topic: text('topic').notNull(),
  payload: text('payload', { mode: 'json' }).notNull(),
  createdAt: text('created_at').notNull(),
  availableAt: text('available_at').notNull(),
  attempts: integer('attempts').notNull().default(0),
  status: text('status').notNull().default('pending'),
  lastError: text('last_error'),
});

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey(),
    workspaceId: text('workspace_id'),
    actor: text('actor'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    detail: text('detail', { mode: 'json' }).notNull().default({}),
    at: text('at').notNull(),
  },
  (t) => [index('audit_log_by_workspace').on(t.workspaceId, t.at)],
);
