/**
 * Which reading of texts the extractor gives, numbered. The entity index
 * stores the number it was filled with and reads every article again when
 * the running one differs. `version.test.ts` keeps the number honest: it
 * digests what the extractor finds in real articles and fails when that
 * digest changes under the same number. Its own file, so the indexer can ask
 * for it without loading the extractor's name tables (~75 ms of a CLI call).
 */
export const EXTRACTOR_VERSION = 2;

/** SHA-256 of the mentions the extractor finds in `version.test.ts`'s probe articles, at EXTRACTOR_VERSION. */
export const PROBE_DIGEST = '3ef3d61cf42b014751f70ad006f687f986a369b107318e89cc94fb791171b54d';
