/**
 * When two names of a collection, tag or source are the same name. The
 * library keeps them unique by this key (the `name_key` columns), so the
 * CLI and the UI must match names by it too: a name the UI thought new
 * would otherwise come back from the core as a CONFLICT.
 */
import { normalizeForMatching } from './normalize';

/** The key two spellings of one name share ("Okaz" = "okaz", "الأهرام" = "الاهرام"). */
export function nameKey(name: string): string {
  return normalizeForMatching(name);
}

/** True when `a` and `b` name the same collection, tag or source. */
export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}
