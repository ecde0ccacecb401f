import { openStore } from '@formflow/store';
import { runImportJob } from '../run-import-job.js';
import { customersForm } from './import-api.js';

const input = JSON.parse(process.argv[2] ?? '{}') as {
  dbPath: string;
  csvPath: string;
  workspaceId: string;
  memberId: string;
  formVersion: number;
};
const store = openStore({ path: input.dbPath });
await runImportJob({
  store,
  workspaceId: input.workspaceId,
  form: { formId: customersForm.id, version: input.formVersion, definition: customersForm },
  actor: input.memberId,
  file: { path: input.csvPath, format: 'csv' },
  fileName: 'big.csv',
  options: { mode: 'allOrNothing' },
});
store.close();
