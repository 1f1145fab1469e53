/** Counted nouns, shared by the string tables. */
export type Plural = (n: string, count: number) => string;

const arPlural = new Intl.PluralRules('ar');

/** Arabic counted nouns: 1 and 2 have their own forms, 3–10 plural, 11–99 singular accusative. */
export function arCount(forms: {
  one: string;
  two: string;
  few: string;
  many: string;
  other: string;
  zero: string;
}): Plural {
  return (n, count) => {
    switch (arPlural.select(count)) {
      case 'zero':
        return forms.zero;
      case 'one':
        return forms.one;
      case 'two':
        return forms.two;
      case 'few':
        return `${n} ${forms.few}`;
      case 'many':
        return `${n} ${forms.many}`;
      default:
        return `${n} ${forms.other}`;
    }
  };
}

/** English counted nouns: "1 story", "3 stories". */
export function enCount(one: string, other: string): Plural {
  return (n, count) => `${n} ${count === 1 ? one : other}`;
}

/** مقال: "مقال واحد", "مقالان", "3 مقالات", "37 مقالًا", "100 مقال". */
export const arArticles = arCount({
  zero: 'لا مقالات',
  one: 'مقال واحد',
  two: 'مقالان',
  few: 'مقالات',
  many: 'مقالًا',
  other: 'مقال',
});

/** قصة: "قصة واحدة", "قصتان", "3 قصص", "11 قصة". */
export const arStories = arCount({
  zero: 'لا قصص',
  one: 'قصة واحدة',
  two: 'قصتان',
  few: 'قصص',
  many: 'قصة',
  other: 'قصة',
});
