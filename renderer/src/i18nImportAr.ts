/** Table import's words in Arabic (the shape and the English table are in i18nImport.ts). */
import type { TableImportWords } from './i18nImport';
import { arCount } from './i18nPlural';
import { iso } from './i18nMarks';

const aboutArRows = arCount({ zero: '0 صف', one: 'صف واحد', two: 'صفّين', few: 'صفوف', many: 'صفًا', other: 'صف' });

export const tableImportAr: TableImportWords = {
  title: 'مطابقة أعمدة ملفات الجداول',
  intro: 'اختر العمود الذي يحمل كل جزء من المقالات. الأعمدة المتروكة على «لا يُستورد» لا تُقرأ.',
  remembered: 'مُلئت من آخر استيراد لملف بهذه الأعمدة.',
  guessed: 'مُلئت من أسماء الأعمدة التي يعرفها ميزان؛ راجعها.',
  noneGuessed: 'لا يعرف ميزان أسماء هذه الأعمدة: اختر الأعمدة بنفسك.',
  fileFacts: (delimiter, encoding, rows) => `${delimiter} · ${iso(encoding)} · ${rows}`,
  delimiterNames: {
    ',': 'مفصول بفواصل',
    ';': 'مفصول بفواصل منقوطة',
    '\t': 'مفصول بمسافات جدولة',
    '|': 'مفصول بخطوط عمودية',
  },
  rows: arCount({ zero: 'لا صفوف', one: 'صف واحد', two: 'صفّان', few: 'صفوف', many: 'صفًا', other: 'صف' }),
  aboutRows: (n, count) => `نحو ${aboutArRows(n, count)}`,
  alsoFiles: 'وتُطابَق هكذا أيضًا (الأعمدة نفسها):',
  listSeparator: '، ',
  previewLabel: (file) => `الصفوف الأولى من ${iso(file)}`,
  previewCaption: 'الصفوف الأولى',
  fieldsLegend: (file) => `أعمدة ${iso(file)}`,
  fieldNames: {
    title: 'العنوان',
    body: 'نص المقال',
    source: 'المصدر (الوسيلة)',
    author: 'الكاتب',
    date: 'التاريخ',
    url: 'الرابط',
    lang: 'اللغة',
    tags: 'الوسوم',
  },
  required: 'مطلوب',
  notImported: 'لا يُستورد',
  needBody: (file) => `اختر العمود الذي يحمل نص المقال في ${iso(file)}.`,
  ready: 'جاهز للاستيراد.',
  importButton: 'استيراد',
  cancelled: (n, count) => (count === 1 ? 'لم يُستورد شيء من ملف الجدول.' : `لم يُستورد شيء من ملفات الجداول (${n}).`),
  readingTables: 'قراءة ملفات الجداول…',
  readAs: 'اقرأه بترميز',
  importAgain: 'استورده من جديد',
  encodingNames: {
    'windows-1256': `عربي (${iso('Windows-1256')})`,
    'iso-8859-6': `عربي (${iso('ISO-8859-6')})`,
    'windows-1252': `غربي (${iso('Windows-1252')})`,
    'windows-1254': `تركي (${iso('Windows-1254')})`,
    'windows-1250': `أوروبي وسطي (${iso('Windows-1250')})`,
    'windows-1251': `سيريلي (${iso('Windows-1251')})`,
    'koi8-r': `سيريلي (${iso('KOI8-R')})`,
    'windows-1253': `يوناني (${iso('Windows-1253')})`,
    'windows-1255': `عبري (${iso('Windows-1255')})`,
    'utf-8': `يونيكود (${iso('UTF-8')})`,
    'utf-16le': `يونيكود (${iso('UTF-16 LE')})`,
    'utf-16be': `يونيكود (${iso('UTF-16 BE')})`,
    shift_jis: `ياباني (${iso('Shift_JIS')})`,
    gb18030: `صيني (${iso('GB18030')})`,
    'euc-kr': `كوري (${iso('EUC-KR')})`,
  },
};
