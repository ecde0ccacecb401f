import { fieldRegistry, validateRecord } from '@formflow/engine';
import type { BenchRow } from './bench-row.js';
import { bareCustomerValidator } from './bare-ajv-customer.js';
import { customerForm, customerRecords } from './customer-form.js';
import { runInterleaved } from './interleaved.js';

/**
 * Record validation throughput of a 20-field customer record through `validateRecord` (guards, NFC, logic,
 * per-field schemas, bilingual errors) against the bare hand-written ajv validator of the same shape, measured in
 * interleaved rounds (see interleaved.ts).
 */
export async function runValidationBench(): Promise<BenchRow[]> {
  const records = customerRecords(1024);
  const bare = bareCustomerValidator();
  const options = { registry: fieldRegistry };
  for (const r of records) {
    if (!bare(r)) throw new Error(`baseline rejects a sample record: ${JSON.stringify(bare.errors)}`);
    const ours = validateRecord(customerForm, r, options);
    if (!ours.ok) throw new Error(`validateRecord rejects a sample record: ${JSON.stringify(ours.errors[0])}`);
  }
  const batch = records.length;
  const [base, ours] = runInterleaved(
    [
      // Plain loops: a shared `forEach` call site goes megamorphic across contestants and blurs the comparison.
      {
        name: 'bare ajv validator (20 fields)',
        run: () => {
          for (let i = 0; i < batch; i++) bare(records[i]);
        },
      },
      {
        name: 'validateRecord (20 fields)',
        run: () => {
          for (let i = 0; i < batch; i++) validateRecord(customerForm, records[i]!, options);
        },
      },
    ],
    batch,
  );
  return [
    { name: base!.name, opsPerSec: base!.opsPerSec, baseline: '-', ratio: 1 },
    { name: ours!.name, opsPerSec: ours!.opsPerSec, baseline: 'bare ajv (same round)', ratio: ours!.ratio },
  ];
}
