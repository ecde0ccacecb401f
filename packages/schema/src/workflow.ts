import type { Id } from './ids.js';
import type { LocalizedText } from './localized.js';
import type { Rule } from './rule.js';

export type Assignee =
  | { kind: 'member'; id: Id }
  | { kind: 'department'; id: Id }
  | { kind: 'role'; id: Id }
  /** A member field of the record (e.g. the customer's owner). */
  | { kind: 'field'; fieldId: Id }
  | { kind: 'submitter' }
  /** The submitter's manager, `level` steps up the department tree (1 = direct manager). */
  | { kind: 'submitterManager'; level?: number };

export type NodeFieldPermission = 'hidden' | 'visible' | 'editable' | 'required';

export type WorkflowAction = 'approve' | 'reject' | 'return' | 'transfer' | 'addSigner' | 'withdraw';

export type Deadline = {
  hours: number;
  remindBeforeHours?: number;
  /** What happens when the deadline passes without action. */
  onTimeout?: 'remind' | 'approve' | 'reject';
};

type NodeBase = { id: Id; name?: LocalizedText };

export type WorkflowNode =
  | (NodeBase & { type: 'start'; fieldPermissions?: { [fieldId: string]: NodeFieldPermission } })
  | (NodeBase & {
      type: 'approve';
      assignees: Assignee[];
      /** single: one approver; all: 会签 (everyone approves); any: 或签 (first decides); vote: threshold of approvals. */
      mode: 'single' | 'all' | 'any' | 'vote';
      /** For `vote`: the share (0–1] of assignees whose approval passes the node. */
      voteThreshold?: number;
      fieldPermissions?: { [fieldId: string]: NodeFieldPermission };
      deadline?: Deadline;
      allowedActions?: WorkflowAction[];
    })
  | (NodeBase & {
      type: 'fill';
      assignees: Assignee[];
      fieldPermissions?: { [fieldId: string]: NodeFieldPermission };
      deadline?: Deadline;
    })
  | (NodeBase & { type: 'cc'; assignees: Assignee[] })
  | (NodeBase & { type: 'branch'; branches: WorkflowBranch[] })
  | (NodeBase & { type: 'parallel'; branches: WorkflowBranch[] })
  | (NodeBase & { type: 'action'; automationId: Id })
  | (NodeBase & { type: 'end' });

/** A branch: nodes that run when `condition` holds (branch node; the last branch may omit it as the else). */
export type WorkflowBranch = { id: Id; name?: LocalizedText; condition?: Rule; nodes: WorkflowNode[] };

/** 流程: an approval process on a form, a tree drawn top to bottom. */
export type WorkflowDef = {
  id: Id;
  formId: Id;
  name: LocalizedText;
  enabled?: boolean;
  nodes: WorkflowNode[];
};
