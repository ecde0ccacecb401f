import type { RowError } from './row-to-values.js';

const at = (row: number, column: string) => ({
  zh: `第 ${row} 行${column ? `“${column}”` : ''}：`,
  en: `Row ${row}${column ? `, column "${column}"` : ''}: `,
});

export function duplicateInFile(row: number, column: string, fieldId: string, value: string, first: number): RowError {
  const p = at(row, column);
  return {
    column,
    fieldId,
    code: 'DUPLICATE_IN_FILE',
    value,
    message: {
      'zh-CN': `${p.zh}与第 ${first} 行重复（查重）`,
      en: `${p.en}duplicates row ${first} (must be unique)`,
    },
  };
}

export function uniqueConflict(row: number, column: string, fieldId: string, value: string): RowError {
  const p = at(row, column);
  return {
    column,
    fieldId,
    code: 'UNIQUE_CONFLICT',
    value,
    message: { 'zh-CN': `${p.zh}该值已存在（查重）`, en: `${p.en}this value already exists (must be unique)` },
  };
}

export function rowNotAllowed(row: number): RowError {
  return {
    column: '',
    code: 'ROW_NOT_ALLOWED',
    message: {
      'zh-CN': `第 ${row} 行：超出您可提交的数据范围`,
      en: `Row ${row}: outside the records you may submit`,
    },
  };
}

export function notEditable(row: number, column: string, fieldId: string, value: string): RowError {
  const p = at(row, column);
  return {
    column,
    fieldId,
    code: 'NOT_EDITABLE',
    value,
    message: {
      'zh-CN': `${p.zh}匹配到的已有记录您无权修改`,
      en: `${p.en}matches an existing record you may not edit`,
    },
  };
}

export function changedMeanwhile(row: number, column: string, fieldId: string, value: string): RowError {
  const p = at(row, column);
  return {
    column,
    fieldId,
    code: 'CHANGED_MEANWHILE',
    value,
    message: {
      'zh-CN': `${p.zh}匹配到的记录在导入期间被修改或删除，请重新导入这一行`,
      en: `${p.en}the matching record changed or was deleted during the import; import this row again`,
    },
  };
}

export function notWritable(
  row: number,
  column: string,
  fieldId: string,
  value: string,
  action: 'submit' | 'edit',
): RowError {
  const p = at(row, column);
  return {
    column,
    fieldId,
    code: 'READONLY_FIELD',
    value,
    message:
      action === 'submit'
        ? { 'zh-CN': `${p.zh}您无权在新建数据时填写该字段`, en: `${p.en}you may not set this field on a new record` }
        : {
            'zh-CN': `${p.zh}您无权修改已有数据的该字段`,
            en: `${p.en}you may not change this field of an existing record`,
          },
  };
}
