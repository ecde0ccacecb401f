import { Bench } from 'tinybench';
import { fieldRegistry, validateRecord } from '@formflow/engine';
import type { BenchRow } from './bench-row.js';
import { bareCustomerValidator } from './bare-ajv-customer.js';
import { customerForm, customerRecords } from './customer-form.js';

/**
 * Record validation throughput of a 20-field customer record through `validateRecord` (guards, NFC, logic,
 * per-field schemas, bilingual errors) against the bare hand-written ajv validator of the same shape.
 */
export async function runValidationBench(): Promise<BenchRow[]> {
  const records = customerRecords(1024);
  const bare = bareCustomerValidator();
  for (const r of records) {
    if (!bare(r)) throw new Error(`baseline rejects a sample record: ${JSON.stringify(bare.errors)}`);
    const ours = validateRecord(customerForm, r, { registry: fieldRegistry });
    if (!ours.ok) throw new Error(`validateRecord rejects a sample record: ${JSON.stringify(ours.errors[0])}`);
  }
  // Each iteration validates a batch, so the harness's own per-iteration cost does not blur the comparison.
  const batch = 256;
  const options = { registry: fieldRegistry };
  const bench = new Bench({ time: 2000, warmupTime: 500 });
  bench
    .add('bare ajv validator (20 fields)', () => {
      for (let i = 0; i < batch; i++) bare(records[i]);
    })
    .add('validateRecord (20 fields)', () => {
      for (let i = 0; i < batch; i++) validateRecord(customerForm, records[i], options);
    });
  await bench.run();
  const hz = (name: string) => {
    const result = bench.tasks.find((t) => t.name === name)?.result;
    if (!result || !('throughput' in result)) throw new Error(`benchmark "${name}" did not complete`);
    return result.throughput.mean * batch;
  };
  const base = hz('bare ajv validator (20 fields)');
  const ours = hz('validateRecord (20 fields)');
  return [
    { name: 'bare ajv validator (20 fields)', opsPerSec: base, baseline: '-', ratio: 1 },
    { name: 'validateRecord (20 fields)', opsPerSec: ours, baseline: 'bare ajv', ratio: ours / base },
  ];
}
