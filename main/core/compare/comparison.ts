/**
 * One comparison of two or more articles: aligned sentences with word
 * differences, each article's facts, and the disagreements between them.
 * Pure and synchronous: a pair of 1,000-word articles takes a few tens of
 * milliseconds, so it runs where it is asked for.
 */
import { alignTexts, defaultAlignOptions, type AlignOptions, type Alignment } from './align';
import { compareFacts, extractAll, type FactComparison } from './ledger';
import { prepareText } from './prepare';

export interface CompareInput {
  text: string;
  /** The article's date (YYYY-MM-DD) for relative dates ("اليوم", "last Thursday"). */
  reference?: string;
  /** Its headline: a total given there is checked against the parts other outlets give. */
  title?: string;
  /** Its language ('ar', 'en'); found from the text when not given. */
  lang?: string;
}

export interface TextComparison extends FactComparison {
  alignment: Alignment;
}

export function compareTexts(
  inputs: readonly CompareInput[],
  options: AlignOptions = defaultAlignOptions,
): TextComparison {
  const texts = inputs.map((i) => prepareText(i.text));
  const alignment = alignTexts(texts, options);
  const facts = extractAll(texts, inputs);
  return {
    alignment,
    ...compareFacts(
      texts,
      facts,
      alignment,
      inputs.map((i) => i.title),
    ),
  };
}
