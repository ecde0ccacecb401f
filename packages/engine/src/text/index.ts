export { normalizeText } from './normalize-text.js';
export { findInvalidCharacter, type InvalidCharacter } from './find-invalid-character.js';
export { graphemeLength, truncateGraphemes } from './grapheme-length.js';
export { foldText } from './fold-text.js';
export { wellFormed } from './well-formed.js';
