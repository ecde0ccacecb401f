import type { FastifyReply, FastifyRequest } from 'fastify';
import { preferredLocale, sendProblem, statusTitle } from '../problem-response.js';

type Message = { 'zh-CN': string; en: string };

const MiB = 1024 * 1024;

function sizeText(bytes: number): string {
  return bytes >= MiB ? `${String(Math.round((bytes / MiB) * 10) / 10)} MiB` : `${String(bytes)} B`;
}

/** Upload and download problems: code, status and a message in both languages. */
export const FILE_PROBLEMS = {
  FILE_TOO_LARGE: (limit: number): Message => ({
    'zh-CN': `文件超过大小上限 ${sizeText(limit)}`,
    en: `the file is larger than the limit of ${sizeText(limit)}`,
  }),
  FILE_TYPE_NOT_ALLOWED: (reason: string): Message => ({
    'zh-CN': `不允许上传此类型的文件（${reason}）`,
    en: `this type of file is not allowed (${reason})`,
  }),
  EMPTY_FILE: (): Message => ({ 'zh-CN': '文件为空', en: 'the file is empty' }),
  NO_FILE: (): Message => ({
    'zh-CN': '请求中没有文件：请用 multipart/form-data 上传一个文件',
    en: 'no file in the request: send one file as multipart/form-data',
  }),
  INVALID_MULTIPART: (): Message => ({
    'zh-CN': 'multipart 请求格式错误或不完整',
    en: 'the multipart request is malformed or incomplete',
  }),
  NOT_MULTIPART: (): Message => ({
    'zh-CN': '上传需要 multipart/form-data 请求体',
    en: 'uploads take a multipart/form-data body',
  }),
  UNKNOWN_FIELD: (field: string): Message => ({
    'zh-CN': `表单没有字段 "${field}"`,
    en: `the form has no field "${field}"`,
  }),
  NOT_A_FILE_FIELD: (field: string): Message => ({
    'zh-CN': `字段 "${field}" 不是图片、附件或手写签名字段`,
    en: `field "${field}" is not an image, attachment or signature field`,
  }),
  FIELD_NOT_WRITABLE: (field: string): Message => ({
    'zh-CN': `你不能填写字段 "${field}"`,
    en: `you may not write field "${field}"`,
  }),
  INSUFFICIENT_STORAGE: (): Message => ({
    'zh-CN': '服务器存储空间不足，请稍后再试',
    en: 'the server is out of storage space; try again later',
  }),
} as const;

export type FileProblemCode = keyof typeof FILE_PROBLEMS;

const STATUS: Record<FileProblemCode, number> = {
  FILE_TOO_LARGE: 413,
  FILE_TYPE_NOT_ALLOWED: 415,
  EMPTY_FILE: 400,
  NO_FILE: 400,
  INVALID_MULTIPART: 400,
  NOT_MULTIPART: 415,
  UNKNOWN_FIELD: 400,
  NOT_A_FILE_FIELD: 400,
  FIELD_NOT_WRITABLE: 403,
  INSUFFICIENT_STORAGE: 507,
};

/** Sends a file problem localised for the caller; `path` points at the part of the request at fault. */
export function sendFileProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  code: FileProblemCode,
  message: Message,
  path: string,
): FastifyReply {
  const locale = preferredLocale(request.headers['accept-language']);
  const status = STATUS[code];
  const text = message[locale];
  return sendProblem(reply, {
    status,
    title: statusTitle(status),
    code,
    detail: text,
    errors: [{ path, code, message: text }],
  });
}
