/** The directory routes' name for the one all-or-nothing transaction helper. */
export { inTransaction as runAtomically } from '../context/in-transaction.js';
