import type { JsonValue } from '../json.js';
import type { Locale } from '../localized.js';
import type { Problem } from '../problem.js';
import { MESSAGES_EN, WORDS_EN } from './messages-en.js';
import { MESSAGES_ZH, WORDS_ZH } from './messages-zh.js';
import type { ProblemCode } from './problem-codes.js';

const CATALOGUES: Record<Locale, { messages: Record<ProblemCode, string>; words: Record<string, string> }> = {
  en: { messages: MESSAGES_EN, words: WORDS_EN },
  'zh-CN': { messages: MESSAGES_ZH, words: WORDS_ZH },
};

/** Params whose values are words of the catalogue (translated), not data. */
const WORD_PARAMS: ReadonlySet<string> = new Set(['entity', 'reason']);

function isKnownCode(code: string): code is ProblemCode {
  return Object.prototype.hasOwnProperty.call(MESSAGES_EN, code);
}

function paramText(value: JsonValue | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Fills `{name}` placeholders of a catalogue message. */
export function renderMessage(
  code: ProblemCode,
  params: { [key: string]: JsonValue } | undefined,
  locale: Locale,
): string {
  const { messages, words } = CATALOGUES[locale];
  return messages[code].replace(/\{([A-Za-z]+)\}/g, (_m, name: string) => {
    const value = params !== undefined && Object.prototype.hasOwnProperty.call(params, name) ? params[name] : undefined;
    const text = paramText(value);
    if (WORD_PARAMS.has(name) && Object.prototype.hasOwnProperty.call(words, text)) return words[text] ?? text;
    return text;
  });
}

/** The problem's message in a locale; problems with codes outside the catalogue keep their own message. */
export function localizeProblem(problem: Problem, locale: Locale): string {
  if (!isKnownCode(problem.code)) return problem.message;
  return renderMessage(problem.code, problem.params, locale);
}
