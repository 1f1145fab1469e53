/**
 * Lunr integration: the same tokenizer and keys as the library index, so a
 * Lunr index and Mizan's own index read text identically.
 *
 *   const idx = lunr(function () {
 *     this.use(mizanLunrPlugin, 'stem');   // or 'exact' for the names index
 *     this.ref('id'); this.field('body');
 *     docs.forEach((d) => this.add(d));
 *   });
 *
 * The tokenizer replaces lunr.tokenizer (which splits on spaces and hyphens
 * only) and records each token's position ([start, length] in the original
 * field text, as lunr's own tokenizer does) so highlights work. The pipeline
 * functions are registered with lunr.Pipeline so serialized indexes load.
 */
import lunr from 'lunr';
import { analyzeWord } from './analyze';
import { scanTokens } from './tokenize';

export type LunrKey = 'exact' | 'stem';

/** Key of one raw token, or null for stop words / no token. */
function keyOf(raw: string, key: LunrKey): string | null {
  const t = analyzeWord(raw);
  if (t === null || t.stop) return null;
  return key === 'exact' ? t.exact : t.stem;
}

function keyFunction(key: LunrKey): lunr.PipelineFunction {
  return (token: lunr.Token): lunr.Token | null => {
    let dropped = false;
    token.update((str: string) => {
      const k = keyOf(str, key);
      if (k === null) {
        dropped = true;
        return str;
      }
      return k;
    });
    return dropped ? null : token;
  };
}

/** Pipeline function: token → Mizan stem key (stop words dropped). */
export const mizanStem: lunr.PipelineFunction = keyFunction('stem');
/** Pipeline function: token → Mizan exact (unstemmed) key (stop words dropped). */
export const mizanExact: lunr.PipelineFunction = keyFunction('exact');

lunr.Pipeline.registerFunction(mizanStem, 'mizanStem');
lunr.Pipeline.registerFunction(mizanExact, 'mizanExact');

function tokenizeForLunr(obj?: null | string | object | object[], metadata?: object): lunr.Token[] {
  if (obj === null || obj === undefined) return [];
  if (Array.isArray(obj)) {
    // Same contract as lunr.tokenizer: array elements are tokens already.
    return obj.map((o: unknown) => new lunr.Token(lunr.utils.asString(o), { ...(metadata ?? {}) }));
  }
  const str = lunr.utils.asString(obj);
  const tokens: lunr.Token[] = [];
  scanTokens(str, (start, end) => {
    tokens.push(
      new lunr.Token(str.slice(start, end), {
        ...(metadata ?? {}),
        position: [start, end - start],
        index: tokens.length,
      }),
    );
  });
  return tokens;
}

/** Drop-in replacement for lunr.tokenizer using Mizan's tokenizer. */
export const mizanTokenizer: typeof lunr.tokenizer = Object.assign(tokenizeForLunr, {
  separator: lunr.tokenizer.separator,
});

/**
 * Lunr builder plugin: Mizan tokenizer, and `key` ('stem' by default)
 * as the only pipeline step for both indexing and searching.
 * Use as `this.use(mizanLunrPlugin, 'exact')`: lunr's Builder#use passes the
 * builder itself as the first argument, then the extra arguments.
 */
export function mizanLunrPlugin(this: lunr.Builder, builder: lunr.Builder, key: LunrKey = 'stem'): void {
  const fn = key === 'exact' ? mizanExact : mizanStem;
  builder.tokenizer = mizanTokenizer;
  builder.pipeline.reset();
  builder.searchPipeline.reset();
  builder.pipeline.add(fn);
  builder.searchPipeline.add(fn);
  if (!builder.metadataWhitelist.includes('position')) builder.metadataWhitelist.push('position');
}
