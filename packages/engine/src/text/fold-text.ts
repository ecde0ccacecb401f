/**
 * The case-folded shadow of text used for contains-search and uniqueness (RELIABILITY K4):
 * NFC, then locale-independent lower case. So `Ä`≡`ä`, NFC `é`≡NFD `é`, `İ`→`i̇`; `ß` stays `ß` (≠ `SS`, documented).
 * The store keeps this shadow in a column so SQL search folds exactly as the engine does.
 */
export function foldText(text: string): string {
  return text.normalize('NFC').toLowerCase();
}
