import { parseFailure, type ParseOutcome } from './parse-outcome.js';
import { toHalfWidth } from './to-half-width.js';

const TRUE_WORDS = new Set(['是', '对', '真', '有', 'true', 'yes', 'y', 't', 'on', '1', '✓', '✔', '√', '☑']);
const FALSE_WORDS = new Set(['否', '错', '假', '无', 'false', 'no', 'n', 'f', 'off', '0', '✗', '✘', '×', '☐']);

/** Reads yes/no text: `是/否`, `对/错`, `true/false`, `yes/no`, `y/n`, `1/0`, `✓/✗`, `√/×`, case-insensitive. */
export function parseBoolean(text: string): ParseOutcome<boolean> {
  const s = toHalfWidth(text).trim().toLowerCase();
  if (TRUE_WORDS.has(s)) return { ok: true, value: true };
  if (FALSE_WORDS.has(s)) return { ok: true, value: false };
  return parseFailure('INVALID_BOOLEAN', `"${text.trim()}" is not yes/no (是/否, true/false, 1/0, ✓/✗)`);
}
