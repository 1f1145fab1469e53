/**
 * Which reading of texts the extractor gives, numbered. The entity index
 * stores the number it was filled with and reads every article again when
 * the running one differs. `version.test.ts` keeps the number honest: it
 * digests what the extractor finds in real articles and fails when that
 * digest changes under the same number. Its own file, so the indexer can ask
 * for it without loading the extractor's name tables (~75 ms of a CLI call).
 */
export const EXTRACTOR_VERSION = 3;

/** SHA-256 of the mentions the extractor finds in `version.test.ts`'s probe articles, at EXTRACTOR_VERSION. */
export const PROBE_DIGEST = '8ae08dd084783f1c20b2e0a4cd38cf57cd6ab93f3226302f97d2a2660247d623';
