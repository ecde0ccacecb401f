import { describe, expect, it } from 'vitest';
import type { FieldDef, FormDef, LogicRule } from '@formflow/schema';
import { designer } from '../i18n/locales/designer.js';
import { describeRule } from './rules/describe-rule.js';
import { ruleTargets } from './rule-badges.js';
import { designerAccessibility, dragName, dropName } from './dnd-announcements.js';

/** A tiny `t` over one language of the designer catalogue (nested keys, {{x}} interpolation). */
function translator(language: 'en' | 'zh-CN') {
  return (key: string, options: Record<string, unknown> = {}) => {
    let node: unknown = designer[language];
    for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
    if (typeof node !== 'string') throw new Error(`missing ${key}`);
    return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(options[name]));
  };
}

const form: FormDef = {
  id: 'f',
  name: 'F',
  fields: [
    { id: 'stage', type: 'text', label: { en: 'Stage', 'zh-CN': '阶段' } },
    { id: 'note', type: 'textarea', label: 'Note' },
    { id: 'reason', type: 'text', label: 'Reason' },
    { id: 'items', type: 'subtable', label: 'Items', settings: { fields: [] } },
  ],
  logic: [
    { id: 'r1', kind: 'visible', when: { '==': [{ var: 'stage' }, 'x'] }, fields: ['note', 'reason'] },
    { id: 'r2', kind: 'required', when: { '==': [{ var: 'stage' }, 'x'] }, fields: ['note'] },
    { id: 'r3', kind: 'validate', when: { '==': [1, 1] }, message: 'm', fields: ['stage'] },
  ],
};
const fields = new Map<string, FieldDef>(form.fields.map((f) => [f.id, f]));

describe('designer UX helpers', () => {
  it('writes the rule summary with the language punctuation', () => {
    const rule = form.logic![0] as LogicRule;
    expect(describeRule(rule, fields, translator('en')).then).toBe('Show: Note, Reason');
    expect(describeRule(rule, fields, translator('zh-CN')).then).toBe('显示：Note、Reason');
  });

  it('lists the rules acting on each field (not validations)', () => {
    const targets = ruleTargets(form.logic);
    expect(targets.get('note')?.map((r) => r.kind)).toEqual(['visible', 'required']);
    expect(targets.get('reason')?.map((r) => r.kind)).toEqual(['visible']);
    expect(targets.has('stage')).toBe(false);
  });

  it('announces drags in the UI language with field names', () => {
    const zh = translator('zh-CN');
    expect(dragName('palette:textarea', form, zh)).toBe('新的“多行文本”字段');
    expect(dropName('drop:note', form, zh)).toBe('字段“Note”');
    expect(dropName('sub:items', form, zh)).toBe('字段“Items”的列');
    expect(dropName('end', form, zh)).toBe('表单末尾');
    const { announcements, screenReaderInstructions } = designerAccessibility(zh, () => form);
    expect(screenReaderInstructions.draggable).toContain('空格键');
    const active = { id: 'palette:textarea' } as never;
    expect(announcements.onDragEnd({ active, over: { id: 'end' } } as never)).toBe(
      '新的“多行文本”字段已放到表单末尾。',
    );
    expect(
      designerAccessibility(translator('en'), () => form).announcements.onDragStart({
        active: { id: 'field:stage' },
      } as never),
    ).toBe('Picked up the field “Stage”.');
  });
});
