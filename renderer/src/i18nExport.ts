/**
 * Words of the export dialog and the backups section, in both languages,
 * apart from the workbench's tables so each stays readable.
 */
import { arCount, type Plural } from './i18nPlural';
import { useI18n, type UiLang } from './i18n';

export interface ExportWords {
  exportTitle: string;
  citeTitle: string;
  cite: string;
  whatToExport: string;
  citations: string;
  notesMarkdown: string;
  articlesJsonl: string;
  format: string;
  style: string;
  formatted: string;
  exportButton: string;
  copy: string;
  copied: string;
  download: string;
  savedTo: (articles: string, path: string) => string;
  noNotes: string;
  articles: Plural;
  scopeArticle: string;
  scopeSearch: (query: string) => string;
  scopeCollection: (name: string) => string;
  scopeList: string;
  scopeLibrary: string;
  exportList: string;
  citeArticle: string;
  backups: string;
  backupsHint: string;
  backupNow: string;
  backupMade: string;
  noBackups: string;
  restore: string;
  restoreConfirm: (date: string) => string;
  restoreYes: string;
  cancel: string;
  restored: string;
  bundle: string;
  bundleHint: string;
  bundleReady: (size: string) => string;
  bundleUpload: string;
  bundleUploadHint: string;
  bundleUploadConfirm: (name: string) => string;
  bundleUploadYes: string;
  bundleUploading: (name: string) => string;
  bundleSent: (sent: string, total: string) => string;
  bundleChecking: (name: string) => string;
  bundleUploadCancelled: (name: string) => string;
  bundleCancelling: (name: string) => string;
  bundleCancelTooLate: (name: string) => string;
  reloadPage: string;
  bundleTooLarge: (name: string, limit: string) => string;
  reasons: Record<'manual' | 'scheduled' | 'pre-migration' | 'pre-restore' | 'replaced', string>;
}

const iso = (text: string): string => `\u2068${text}\u2069`;

const en: ExportWords = {
  exportTitle: 'Export',
  citeTitle: 'Cite this article',
  cite: 'Cite',
  whatToExport: 'What to export',
  citations: 'Citations',
  notesMarkdown: 'Highlights and notes (Markdown)',
  articlesJsonl: 'Articles (JSON Lines, imports back)',
  format: 'Format',
  style: 'Style',
  formatted: 'Formatted text',
  exportButton: 'Export',
  copy: 'Copy',
  copied: 'Copied',
  download: 'Download',
  savedTo: (articles, path) => `Saved ${articles} to ${iso(path)}`,
  noNotes: 'These articles have no highlights or notes yet.',
  articles: (n, count) => (count === 1 ? 'one article' : `${n} articles`),
  scopeArticle: 'This article',
  scopeSearch: (query) => `The results of the search ${iso(query)}`,
  scopeCollection: (name) => `The collection ${iso(name)}`,
  scopeList: 'The articles in this list',
  scopeLibrary: 'Every article in the library',
  exportList: 'Export this list…',
  citeArticle: 'Cite this article…',
  backups: 'Backups',
  backupsHint:
    'Mizan backs the library up before every upgrade and on a schedule. A restore keeps the library it replaces as a backup.',
  backupNow: 'Back up now',
  backupMade: 'Backup made',
  noBackups: 'No backups yet.',
  restore: 'Restore…',
  restoreConfirm: (date) =>
    `Replace the library with the backup of ${iso(date)}? The current library is kept as a backup.`,
  restoreYes: 'Restore',
  cancel: 'Cancel',
  restored: 'Library restored',
  bundle: 'Download the library as one file',
  bundleHint:
    'A ZIP with the library (a SQLite file), your settings and their checksums, to move Mizan to another machine or keep aside.',
  bundleReady: (size) => `Ready (${iso(size)}):`,
  bundleUpload: 'Replace the library from a bundle file…',
  bundleUploadHint: 'A bundle downloaded here or exported by the desktop app: its checksums are checked first.',
  bundleUploadConfirm: (name) =>
    `Replace the library with the bundle ${iso(name)}? The current library is kept as a backup.`,
  bundleUploadYes: 'Replace',
  bundleUploading: (name) => `Uploading and checking ${iso(name)}…`,
  bundleSent: (sent, total) => `${iso(sent)} of ${iso(total)} sent`,
  bundleChecking: (name) => `Checking ${iso(name)}: its manifest and every checksum…`,
  bundleUploadCancelled: (name) => `Upload of ${iso(name)} cancelled: the library is unchanged.`,
  bundleCancelling: (name) => `Cancelling ${iso(name)}…`,
  bundleCancelTooLate: (name) =>
    `Too late to cancel: ${iso(name)} had already replaced the library. The previous library is kept in the backups.`,
  reloadPage: 'Open the new library',
  bundleTooLarge: (name, limit) =>
    `${iso(name)} is larger than ${iso(limit)}, the most this web host takes; replace the library from the command line instead (mizan import-bundle FILE).`,
  reasons: {
    manual: 'made by you',
    scheduled: 'scheduled',
    'pre-migration': 'before an upgrade',
    'pre-restore': 'before a restore',
    replaced: 'replaced by a restore',
  },
};

const ar: ExportWords = {
  exportTitle: 'تصدير',
  citeTitle: 'توثيق هذا المقال',
  cite: 'توثيق',
  whatToExport: 'ما الذي يُصدَّر',
  citations: 'بيانات التوثيق',
  notesMarkdown: 'التظليلات والملاحظات (Markdown)',
  articlesJsonl: 'المقالات (JSON Lines، تُستورد من جديد)',
  format: 'الصيغة',
  style: 'نمط التوثيق',
  formatted: 'نص منسّق',
  exportButton: 'تصدير',
  copy: 'نسخ',
  copied: 'نُسخ',
  download: 'تنزيل',
  savedTo: (articles, path) => `الحفظ في ${iso(path)}: ${articles}`,
  noNotes: 'لا تظليلات ولا ملاحظات في هذه المقالات بعد.',
  articles: arCount({
    zero: 'لا مقالات',
    one: 'مقال واحد',
    two: 'مقالان',
    few: 'مقالات',
    many: 'مقالًا',
    other: 'مقال',
  }),
  scopeArticle: 'هذا المقال',
  scopeSearch: (query) => `نتائج البحث عن ${iso(query)}`,
  scopeCollection: (name) => `المجموعة ${iso(name)}`,
  scopeList: 'مقالات هذه القائمة',
  scopeLibrary: 'كل مقالات المكتبة',
  exportList: 'تصدير هذه القائمة…',
  citeArticle: 'توثيق هذا المقال…',
  backups: 'النسخ الاحتياطية',
  backupsHint:
    'يحفظ ميزان نسخة من المكتبة قبل كل ترقية وعلى فترات منتظمة. الاستعادة تحتفظ بالمكتبة التي تحلّ محلها نسخةً احتياطية.',
  backupNow: 'نسخ احتياطي الآن',
  backupMade: 'حُفظت النسخة الاحتياطية',
  noBackups: 'لا نسخ احتياطية بعد.',
  restore: 'استعادة…',
  restoreConfirm: (date) => `أتستبدل المكتبة بنسخة ${iso(date)}؟ ستُحفظ المكتبة الحالية نسخةً احتياطية.`,
  restoreYes: 'استعادة',
  cancel: 'إلغاء',
  restored: 'استُعيدت المكتبة',
  bundle: 'تنزيل المكتبة في ملف واحد',
  bundleHint:
    'ملف ZIP فيه المكتبة (ملف SQLite) وإعداداتك ومجاميعها الاختبارية، لنقل ميزان إلى جهاز آخر أو لحفظها جانبًا.',
  bundleReady: (size) => `جاهز (${iso(size)}):`,
  bundleUpload: 'استبدال المكتبة من ملف حزمة…',
  bundleUploadHint: 'حزمة نُزّلت من هنا أو صدّرها تطبيق سطح المكتب: تُفحص مجاميعها الاختبارية أولًا.',
  bundleUploadConfirm: (name) => `أتستبدل المكتبة بالحزمة ${iso(name)}؟ ستُحفظ المكتبة الحالية نسخةً احتياطية.`,
  bundleUploadYes: 'استبدال',
  bundleUploading: (name) => `جارٍ رفع ${iso(name)} وفحصها…`,
  bundleSent: (sent, total) => `أُرسل ${iso(sent)} من ${iso(total)}`,
  bundleChecking: (name) => `جارٍ فحص ${iso(name)}: بيانها وكل مجاميعها الاختبارية…`,
  bundleUploadCancelled: (name) => `أُلغي رفع ${iso(name)}: المكتبة لم تتغير.`,
  bundleCancelling: (name) => `جارٍ إلغاء ${iso(name)}…`,
  bundleCancelTooLate: (name) =>
    `فات أوان الإلغاء: كانت ${iso(name)} قد حلّت محل المكتبة. المكتبة السابقة محفوظة في النسخ الاحتياطية.`,
  reloadPage: 'فتح المكتبة الجديدة',
  bundleTooLarge: (name, limit) =>
    `الملف ${iso(name)} أكبر من ${iso(limit)}، وهو أقصى ما يقبله هذا الخادم المحلي؛ استبدل المكتبة من سطر الأوامر بدلًا من ذلك (mizan import-bundle FILE).`,
  reasons: {
    manual: 'نسخة يدوية',
    scheduled: 'نسخة دورية',
    'pre-migration': 'قبل ترقية',
    'pre-restore': 'قبل استعادة',
    replaced: 'استُبدلت باستعادة',
  },
};

export const exportWords: Record<UiLang, ExportWords> = { en, ar };

export function useExportWords(): ExportWords {
  return exportWords[useI18n().lang];
}
