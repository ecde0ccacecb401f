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
});
