export * from './org-tables.js';
export * from './app-tables.js';
export * from './record-tables.js';
export * from './runtime-tables.js';
export * from './intake-tables.js';
