/**
 * Plain values (no zod) that the core reads at run time. The core imports
 * only this file and errors.ts from the contract as values; everything else
 * it takes as types, so loading the core never builds the schemas.
 */

/** Near-duplicate threshold used when an import does not give one (see NearDuplicateThreshold in library.ts). */
export const defaultNearDuplicateThreshold = 0.6;
