/**
 * Mizan text analysis (Arabic first): normalization, tokens, keys, sentences,
 * dates, language. The Lunr integration lives in './lunrPipeline' and is not
 * re-exported here so that importing the analyzer does not load lunr.
 */
export {
  normalizeForMatching,
  normalizeArabicWord,
  asciiDigits,
  foldRange,
  foldWithOffsets,
} from '../../../common/text/normalize';
export { detectLanguage, detectDirection, describeScripts, describeLanguage, paragraphDirections } from './language';
export type { TextDirection, ScriptCounts, LanguageProfile, ParagraphInfo } from './language';
export { parseDate, findDates } from './dates';
export { isValidDate } from './calendar';
export type { DatePrecision, FoundDate, DateOptions } from './dates';
export { tokenize, scanTokens } from './tokenize';
export type { Token, TokenKind } from './tokenize';
export { analyze, analyzeWord, numberKey, dateKey } from './analyze';
export type { AnalyzedToken } from './analyze';
export {
  arabicKeys,
  stripProclitics,
  stripPreposition,
  stripSuffixes,
  lightStem,
  ARABIC_STOP_WORDS,
  MIN_STEM,
} from './arabic';
export type { ArabicKeys } from './arabic';
export { englishKeys, ENGLISH_STOP_WORDS } from './english';
export { foldVariants, VARIANT_PREFIXES } from './variants';
export { PREPOSITION_TARGETS, PREPOSITION_KEEP } from './prepositions';
export { WAW_INITIAL, AL_INITIAL, LAM_INITIAL, SUFFIX_KEEP } from './guards';
export { splitSentences } from './sentences';
export type { Sentence } from './sentences';
