import type { FilterNode } from './filter.js';
import type { Id } from './ids.js';
import type { LocalizedText } from './localized.js';
import type { Rule } from './rule.js';

export type AutomationTrigger =
  | { type: 'recordCreated'; formId: Id }
  /** Fires on update; with `fields`, only when one of them changed. */
  | { type: 'recordUpdated'; formId: Id; fields?: Id[] }
  | { type: 'recordDeleted'; formId: Id }
  | { type: 'workflowEnded'; workflowId: Id; outcome?: 'approved' | 'rejected' | 'any' }
  /**
   * Five-field cron, evaluated in `timezone` (IANA, default Asia/Shanghai). With `formId`, each due time runs the
   * condition and actions once per record of that form (the trigger record); without it, once with no record.
   */
  | { type: 'schedule'; cron: string; timezone?: string; formId?: Id }
  /** Relative to a date field: e.g. 3 days before contract end at 09:00. */
  | { type: 'dateRelative'; formId: Id; dateField: Id; offsetDays: number; time?: string; timezone?: string };

/** A value for a target field: a rule evaluated against the trigger record (`{"var": "fieldId"}`) and context. */
export type FieldMapping = { [targetFieldId: string]: Rule };

export type AutomationAction =
  | { id: Id; type: 'createRecord'; formId: Id; mapping: FieldMapping }
  | { id: Id; type: 'updateRecords'; formId: Id; filter: FilterNode; mapping: FieldMapping }
  | { id: Id; type: 'upsertRecord'; formId: Id; matchField: Id; mapping: FieldMapping }
  | { id: Id; type: 'deleteRecords'; formId: Id; filter: FilterNode }
  /** Sets fields of the trigger record itself. */
  | { id: Id; type: 'setFields'; mapping: FieldMapping }
  | {
      id: Id;
      type: 'notify';
      channel: 'inApp' | 'email' | 'wecom' | 'dingtalk' | 'feishu';
      /** Member ids, or `{"var": "ownerFieldId"}` rules resolving to members. */
      to: Rule[];
      title: LocalizedText;
      body: LocalizedText;
      /** For chat robots: the webhook URL (validated against SSRF rules on save). */
      url?: string;
    }
  | { id: Id; type: 'webhook'; url: string; method?: 'POST' | 'PUT'; secretRef?: string; body?: Rule }
  | { id: Id; type: 'startWorkflow'; workflowId: Id };

/** 智能助手: trigger + condition + ordered actions. */
export type AutomationDef = {
  id: Id;
  name: LocalizedText;
  enabled?: boolean;
  trigger: AutomationTrigger;
  /** Runs the actions only when true for the trigger record (absent = always). */
  condition?: Rule;
  actions: AutomationAction[];
};
