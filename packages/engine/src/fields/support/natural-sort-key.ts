import { foldText } from '../../text/index.js';

/** Folded text with digit runs zero-padded, so `HT-9` sorts before `HT-10` (serial numbers, codes). */
export function naturalSortKey(text: string): string {
  return foldText(text).replace(/\d+/g, (run) => run.replace(/^0+(?=\d)/, '').padStart(20, '0'));
}
