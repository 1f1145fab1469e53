/**
 * The words of a formatted citation in Arabic, as a CSL locale: the
 * formatter (citeproc, through citation-js) ships only en-US, so an Arabic
 * bibliography read "July 21" and "Accessed". Terms missing here fall back to
 * en-US. Months are the names Saudi and Egyptian papers print (يناير…ديسمبر);
 * quotation marks are the guillemets Arabic typesetting uses.
 */
const MONTHS = [
  'يناير',
  'فبراير',
  'مارس',
  'أبريل',
  'مايو',
  'يونيو',
  'يوليو',
  'أغسطس',
  'سبتمبر',
  'أكتوبر',
  'نوفمبر',
  'ديسمبر',
];

const TERMS: Record<string, string> = {
  accessed: 'تاريخ الاطلاع',
  retrieved: 'استُرجع',
  from: 'من',
  and: 'و',
  'et-al': 'وآخرون',
  'no date': 'د.ت',
  in: 'في',
  online: 'على الإنترنت',
  'open-quote': '«',
  'close-quote': '»',
  'open-inner-quote': '"',
  'close-inner-quote': '"',
};

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function term(name: string, text: string): string {
  return `<term name="${name}">${escapeXml(text)}</term>`;
}

/** The locale's XML, as citeproc reads it. */
export function arabicLocaleXml(): string {
  const terms = [
    ...Object.entries(TERMS).map(([name, text]) => term(name, text)),
    ...MONTHS.map((month, k) => term(`month-${String(k + 1).padStart(2, '0')}`, month)),
  ];
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<locale xmlns="http://purl.org/net/xbiblio/csl" version="1.0" xml:lang="ar">',
    '<style-options punctuation-in-quote="false"/>',
    // Day, month, year: the order Arabic dates are written in.
    '<date form="text"><date-part name="day" suffix=" "/><date-part name="month" suffix=" "/><date-part name="year"/></date>',
    '<date form="numeric"><date-part name="day" suffix="/"/><date-part name="month" form="numeric" suffix="/"/><date-part name="year"/></date>',
    `<terms>${terms.join('')}</terms>`,
    '</locale>',
  ].join('\n');
}
