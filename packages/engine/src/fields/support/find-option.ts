import type { SelectOption } from '@formflow/schema';
import { foldText } from '../../text/index.js';

/** The option whose id equals `text`, or whose label in either locale equals it (NFC, case-insensitive). */
export function findOption(options: readonly SelectOption[], text: string): SelectOption | undefined {
  const t = text.trim();
  const byId = options.find((o) => o.id === t);
  if (byId) return byId;
  const folded = foldText(t);
  return options.find((o) => {
    const labels = typeof o.label === 'string' ? [o.label] : [o.label['zh-CN'], o.label.en];
    return labels.some((l) => l !== undefined && foldText(l.trim()) === folded);
  });
}
