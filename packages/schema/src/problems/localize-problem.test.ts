import { describe, expect, it } from 'vitest';
import { MESSAGES_EN, WORDS_EN } from './messages-en.js';
import { MESSAGES_ZH, WORDS_ZH } from './messages-zh.js';
import { localizeProblem } from './localize-problem.js';
import { makeProblem } from './make-problem.js';
import { PROBLEM_CODES } from './problem-codes.js';

describe('problem messages', () => {
  it('every code has an English and a Chinese message with the same placeholders', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{([A-Za-z]+)\}/g)].map((m) => m[1]).sort();
    for (const code of PROBLEM_CODES) {
      expect(MESSAGES_EN[code], code).toBeTruthy();
      expect(MESSAGES_ZH[code], code).toBeTruthy();
      expect(placeholders(MESSAGES_ZH[code]), code).toEqual(placeholders(MESSAGES_EN[code]));
    }
    expect(Object.keys(MESSAGES_EN).sort()).toEqual([...PROBLEM_CODES].sort());
    expect(Object.keys(WORDS_ZH).sort()).toEqual(Object.keys(WORDS_EN).sort());
  });

  it('localizes with params and translated words', () => {
    const problem = makeProblem('DUPLICATE_ID', ['forms', 2, 'fields', 5, 'settings', 'options', 1, 'id'], {
      entity: 'option',
      id: 'won',
    });
    expect(problem).toEqual({
      path: 'forms[2].fields[5].settings.options[1].id',
      code: 'DUPLICATE_ID',
      message: 'duplicate option id "won"',
      params: { entity: 'option', id: 'won' },
    });
    expect(localizeProblem(problem, 'en')).toBe('duplicate option id "won"');
    expect(localizeProblem(problem, 'zh-CN')).toBe('选项 id "won" 重复');
    const unsafe = makeProblem('UNSAFE_PATTERN', [], { reason: 'backtracking' });
    expect(localizeProblem(unsafe, 'zh-CN')).toBe('不安全的正则表达式：嵌套的量词可能导致灾难性回溯');
  });

  it('keeps the message of codes outside the catalogue', () => {
    expect(localizeProblem({ path: '', code: 'OTHER', message: 'm' }, 'zh-CN')).toBe('m');
  });
});
