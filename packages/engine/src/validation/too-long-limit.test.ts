import { describe, expect, it } from 'vitest';
import type { FormDef } from '@formflow/schema';
import { fieldRegistry } from '../fields/index.js';
import { validateRecord } from './validate-record.js';

const form: FormDef = {
  id: 'notes',
  name: 'Notes',
  fields: [{ id: 'title', type: 'text', label: 'Title', settings: { maxLength: 5 } }],
};

describe('length errors report their limit', () => {
  it.each([
    ['ASCII', 'abcdefg'],
    ['Chinese', '客户名称很长'],
  ])('%s text over maxLength says "at most 5" in both languages', (_name, title) => {
    const result = validateRecord(form, { title }, { registry: fieldRegistry });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const error = result.errors[0]!;
    expect(error.code).toBe('TOO_LONG');
    expect(error.params?.['limit']).toBe(5);
    expect(error.message.en).toContain('5');
    expect(error.message['zh-CN']).toContain('5');
    expect(error.message.en).not.toContain('NaN');
  });
});
