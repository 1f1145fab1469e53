/**
 * The words a printed comparison is labelled with, in Arabic for an
 * Arabic-script dossier and in English otherwise. Every row kind and
 * conflict kind has one, so a page never shows a bare symbol.
 */
import type { TextComparison } from '../compare/comparison';
import { isArabicScriptLang } from './labels';

export type RowKind = 'shared' | 'reworded' | 'unique';
export type ConflictKind = TextComparison['conflicts'][number]['kind'];

export interface ComparisonLabels {
  alignment: string;
  coverage: string;
  ledger: string;
  conflicts: string;
  row: string;
  source: string;
  sentence: string;
  kind: Record<RowKind, string>;
  moved: string;
  legend: string;
  sentences: string;
  rowsCarried: string;
  fact: string;
  subject: string;
  value: string;
  flag: string;
  number: string;
  date: string;
  quote: string;
  noSpeaker: string;
  conflict: Record<ConflictKind, string>;
}

const ar: ComparisonLabels = {
  alignment: 'الجمل المتقابلة',
  coverage: 'خريطة التغطية',
  ledger: 'سجل الوقائع',
  conflicts: 'التعارضات',
  row: 'صف',
  source: 'المصدر',
  sentence: 'الجملة',
  kind: { shared: 'مشتركة', reworded: 'معدّلة', unique: 'منفردة' },
  moved: 'في موضع آخر',
  legend:
    '= مشتركة حرفياً · ~ معاد صياغتها (الكلمات المختلفة مسطّرة ومظلّلة) · + ينفرد بها مصدر واحد · ! تعارض في الوقائع',
  sentences: 'الجمل',
  rowsCarried: 'الصفوف التي يحملها',
  fact: 'الواقعة',
  subject: 'الموضوع',
  value: 'القيمة',
  flag: 'تنبيه',
  number: 'عدد',
  date: 'تاريخ',
  quote: 'اقتباس',
  noSpeaker: 'بلا قائل',
  conflict: {
    number: 'أعداد مختلفة',
    sum: 'مجموع وأجزاء',
    date: 'تواريخ مختلفة',
    speaker: 'قائل مختلف',
    'quote-unique': 'مصدر واحد',
  },
};

const en: ComparisonLabels = {
  alignment: 'Aligned sentences',
  coverage: 'Coverage map',
  ledger: 'Fact ledger',
  conflicts: 'Conflicts',
  row: 'Row',
  source: 'Source',
  sentence: 'Sentence',
  kind: { shared: 'shared', reworded: 'reworded', unique: 'unique' },
  moved: 'moved',
  legend:
    '= shared word for word · ~ reworded (differing words underlined and shaded) · + carried by one source only · ! facts in conflict',
  sentences: 'Sentences',
  rowsCarried: 'Rows carried',
  fact: 'Fact',
  subject: 'Subject',
  value: 'Value',
  flag: 'Flag',
  number: 'number',
  date: 'date',
  quote: 'quote',
  noSpeaker: 'no speaker',
  conflict: {
    number: 'numbers differ',
    sum: 'total against parts',
    date: 'dates differ',
    speaker: 'speaker differs',
    'quote-unique': 'one source only',
  },
};

export function comparisonLabels(lang: string): ComparisonLabels {
  return isArabicScriptLang(lang) ? ar : en;
}
