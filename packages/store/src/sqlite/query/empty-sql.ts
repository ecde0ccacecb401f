import { extractOf, typeOf, type ValueRef } from './value-ref.js';

/**
 * The characters JavaScript's String.prototype.trim removes, as a SQLite char() list (the same list as the engine's
 * rules/sql translate-strings.ts): blank text is empty in SQL exactly as in the engine's isEmptyValue.
 */
export const JS_WHITESPACE_SQL = `char(${[
  9, 10, 11, 12, 13, 32, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009,
  0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
].join(',')})`;

/**
 * 1 when the value is not empty in the engine's sense (isEmptyValue), else 0, never NULL: a number or boolean; text
 * that is not blank; a non-empty array; an object with some non-empty part at any depth (json_tree finds any
 * number, boolean, non-blank text or non-empty array below it). Missing and JSON null are empty.
 */
export function nonEmptySql(ref: ValueRef): string {
  const t = typeOf(ref);
  return (
    `(CASE ${t} WHEN 'text' THEN trim(${extractOf(ref)}, ${JS_WHITESPACE_SQL}) <> ''` +
    ` WHEN 'array' THEN json_array_length(${ref.doc}, ${ref.path}) > 0` +
    ` WHEN 'object' THEN EXISTS (SELECT 1 FROM json_tree(${ref.doc}, ${ref.path}) AS nt` +
    ` WHERE nt.type IN ('integer', 'real', 'true', 'false')` +
    ` OR (nt.type = 'text' AND trim(nt.atom, ${JS_WHITESPACE_SQL}) <> '')` +
    ` OR (nt.type = 'array' AND json_array_length(nt.value) > 0))` +
    ` WHEN 'null' THEN 0 ELSE ${t} IS NOT NULL END)`
  );
}
