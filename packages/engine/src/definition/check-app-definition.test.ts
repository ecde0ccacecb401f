import { describe, expect, it } from 'vitest';
import type { AppDef } from '@formflow/schema';
import { sampleCrmApp } from '@formflow/schema/fixtures';
import { checkAppDefinition } from './check-app-definition.js';

const clone = (): AppDef => structuredClone(sampleCrmApp);

describe('checkAppDefinition', () => {
  it('accepts the sample CRM app', () => {
    expect(checkAppDefinition(sampleCrmApp)).toEqual([]);
  });

  it('refuses rule operators outside the allow-list at save (RELIABILITY I4)', () => {
    const app = clone();
    app.forms[1]!.logic = [
      { id: 'bad', kind: 'visible', when: { method: [{ var: 'stage' }, 'toString'] }, fields: ['lossReason'] },
      { id: 'bad2', kind: 'visible', when: { and: [true, { log: 'x' }, { eval: 'x' }] }, fields: ['lossReason'] },
    ];
    const problems = checkAppDefinition(app).filter((p) => p.code === 'UNKNOWN_OPERATOR');
    expect(problems.map((p) => [p.path, p.params?.operator])).toEqual([
      ['forms[1].logic[0].when', 'method'],
      ['forms[1].logic[1].when.and[1]', 'log'],
      ['forms[1].logic[1].when.and[2]', 'eval'],
    ]);
  });

  it('accepts Formflow operators such as date_diff and rmb_upper', () => {
    const app = clone();
    app.forms[1]!.logic = [
      {
        id: 'ok',
        kind: 'visible',
        when: { '>': [{ date_diff: [{ var: '$today' }, '2030-01-01', 'day'] }, 0] },
        fields: ['lossReason'],
      },
    ];
    expect(checkAppDefinition(app)).toEqual([]);
  });

  it('refuses hostile var paths before anything runs', () => {
    const app = clone();
    app.forms[1]!.logic = [{ id: 'p', kind: 'visible', when: { var: '__proto__.polluted' }, fields: ['lossReason'] }];
    expect(checkAppDefinition(app).map((p) => p.code)).toContain('FORBIDDEN_KEY');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses defaults that are not valid values and bounds the wrong way round', () => {
    const form = {
      id: 'f',
      name: 'F',
      fields: [
        { id: 'n', type: 'number', label: 'n', settings: { min: 10, max: 1 } },
        { id: 's', type: 'select', label: 's', settings: { options: [{ id: 'a', label: 'A' }] }, defaultValue: 'b' },
        { id: 'd', type: 'date', label: 'd', settings: { min: '2026-12-31', max: '2026-01-01' } },
        { id: 'ok', type: 'money', label: 'ok', defaultValue: 12.5, settings: { min: 0, max: 100 } },
      ],
    };
    expect(checkAppDefinition(form, 'form').map((p) => `${p.path}:${p.code}`)).toEqual([
      'fields[0].settings.min:INVALID_RANGE',
      'fields[1].defaultValue:INVALID_DEFAULT_VALUE',
      'fields[2].settings.min:INVALID_RANGE',
    ]);
  });
});
