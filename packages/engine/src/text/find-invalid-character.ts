// One definition for schema guards and engine validation alike: it lives in @formflow/schema (RELIABILITY K3).
export { findInvalidCharacter, type InvalidCharacter } from '@formflow/schema';
