import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { localize } from '@formflow/schema';
import { dealParts } from './crm-data.js';
import { dealsForm, REGIONS, SOURCES, STAGES, TAGS } from './crm-form.js';

const quote = (cell: string): string => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

const money = (cents: number): string =>
  `¥${Math.floor(cents / 100).toLocaleString('en-US')}.${String(cents % 100).padStart(2, '0')}`;

/** The header: the zh-CN labels, as a user's export from Excel or another system would carry them. */
export function csvHeader(): string {
  return dealsForm.fields.map((f) => quote(localize(f.label, 'zh-CN'))).join(',');
}

/**
 * Row `i` as a person's spreadsheet holds it: option labels in Chinese, `¥1,234.50` amounts, `2025/3/1` or
 * `2025-03-01` dates, `35%` probabilities, tags joined with `、`, notes with commas and quotes, empty optional cells.
 */
export function csvRow(i: number, owners: readonly string[]): string {
  const p = dealParts(i, owners);
  const [y, m, d] = p.expectedClose.split('-');
  const date = i % 2 === 0 ? p.expectedClose : `${y}/${Number(m)}/${Number(d)}`;
  return [
    p.title,
    p.customer,
    p.contact,
    p.phone,
    p.email ?? '',
    STAGES[p.stage]!.label,
    money(p.amountCents),
    `${Math.round(p.probability * 100)}%`,
    date,
    p.owner,
    p.tags.map((t) => TAGS[t]!.label).join('、'),
    SOURCES[p.source]!.label,
    REGIONS[p.region]!.label,
    String(p.quantity),
    p.notes ?? '',
  ]
    .map(quote)
    .join(',');
}

/** Writes a UTF-8 CSV (with BOM, CRLF, as Excel saves it) of `rows` deals; returns its size in bytes. */
export async function writeDealsCsv(path: string, rows: number, owners: readonly string[]): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  const write = async (text: string): Promise<void> => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`\uFEFF${csvHeader()}\r\n`);
  for (let start = 0; start < rows; start += 1000) {
    let chunk = '';
    for (let i = start; i < Math.min(rows, start + 1000); i++) chunk += `${csvRow(i, owners)}\r\n`;
    await write(chunk);
  }
  out.end();
  await once(out, 'close');
  return bytes;
}
