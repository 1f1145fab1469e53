/**
 * A counted noun as a dictionary gives it. After 11–99 Arabic puts the noun in the accusative
 * ("50 هجوما", "3850 مترا", "125 قاضيا"), which reads as a typo where a heading names what is counted.
 * Plurals written with a final alef (قضايا, ضحايا) and words shorter than three letters keep it.
 */
export function plainCounted(unit: string): string {
  return unit
    .split(' ')
    .map((word) => {
      const bare = word.replace(/\u064b/gu, '');
      return /^[\u0621-\u064a]{3,}ا$/u.test(bare) && !/[اى]ا$|ايا$/u.test(bare) ? bare.slice(0, -1) : word;
    })
    .join(' ');
}
