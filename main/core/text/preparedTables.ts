/**
 * Tables the text code would otherwise build in each process, handed over by
 * a host that read them from the build's file (textTablesFile.ts) before any
 * text code ran. Null: build them as usual (tests, the app, a stale file).
 * Plain data only: the tokenizer is also bundled into the offline HTML
 * dossier's page.
 */

/** The guard lists as guardTable.ts looks them up (see there). */
export interface GuardTable {
  mask: number;
  /** Per slot: the hash and 1 + the word's index (0: empty). */
  slots: Uint32Array;
  /** Every word, one after the other: word i is text.slice(starts[i], starts[i + 1]), so no string per word is made. */
  text: string;
  starts: Uint32Array;
  flags: Uint8Array;
}

export const preparedTables: { charClass: Uint8Array | null; guards: GuardTable | null } = {
  charClass: null,
  guards: null,
};
