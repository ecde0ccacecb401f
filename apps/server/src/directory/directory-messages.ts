import type { FastifyReply, FastifyRequest } from 'fastify';
import { MAX_NAME_GRAPHEMES } from '@formflow/store';
import { preferredLocale, sendProblem, statusTitle } from '../problem-response.js';

const MESSAGES = {
  INVALID_NAME: {
    en: `must be 1–${MAX_NAME_GRAPHEMES} characters, without control characters`,
    'zh-CN': `须为 1–${MAX_NAME_GRAPHEMES} 个字符，且不含控制字符`,
  },
  INVALID_SORT: { en: 'must be a whole number', 'zh-CN': '须为整数' },
  PARENT_NOT_FOUND: { en: 'no such parent department', 'zh-CN': '上级部门不存在' },
  UNKNOWN_DEPARTMENT: { en: 'no such department', 'zh-CN': '部门不存在' },
  MEMBER_NOT_FOUND: { en: 'no such member', 'zh-CN': '成员不存在' },
  UNKNOWN_ROLE: { en: 'no such role', 'zh-CN': '角色不存在' },
  CYCLE: {
    en: 'a department cannot move under itself or one of its sub-departments',
    'zh-CN': '部门不能移动到自身或其下级部门之下',
  },
  NOT_EMPTY: {
    en: 'the department still has sub-departments or members: move or remove them first',
    'zh-CN': '该部门下仍有子部门或成员，请先移走或删除',
  },
  LAST_OWNER: {
    en: 'the workspace must keep at least one active owner',
    'zh-CN': '团队至少需要保留一位正常状态的所有者',
  },
  OWNER_ONLY: {
    en: 'only an owner can grant, change or remove the owner and admin roles',
    'zh-CN': '只有所有者可以授予、变更或撤销所有者和管理员角色',
  },
  OWNER_PROTECTED: { en: 'an admin cannot change an owner', 'zh-CN': '管理员不能修改所有者' },
  EMAIL_TAKEN: { en: 'a member with this email already exists', 'zh-CN': '该邮箱已被团队成员使用' },
  INVALID_EMAIL: { en: 'not a valid email address', 'zh-CN': '邮箱地址无效' },
  WEAK_PASSWORD: { en: 'the password is too weak or too long', 'zh-CN': '密码强度不足或过长' },
} as const;

export type DirectoryCode = keyof typeof MESSAGES;

/** The message of a directory code in the caller's language. */
export function directoryMessage(request: FastifyRequest, code: DirectoryCode): string {
  return MESSAGES[code][preferredLocale(request.headers['accept-language'])];
}

/** A localised problem with one error item at `path` (a body path such as `body.parentId`). */
export function directoryProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: DirectoryCode,
  path = '',
): FastifyReply {
  const message = directoryMessage(request, code);
  return sendProblem(reply, {
    status,
    title: statusTitle(status),
    code,
    detail: message,
    errors: [{ path, code, message }],
  });
}
