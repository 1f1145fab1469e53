/** The application menu's own labels in Mizan's two languages; standard roles are localized by Electron itself. */
export const menuLabels = {
  en: {
    file: 'File',
    importFiles: 'Import Files…',
    importFolder: 'Import Folder…',
    backupNow: 'Back Up Library Now',
    openLibrary: 'Open Library…',
    newLibrary: 'New Library…',
    showLibrary: 'Show Library File',
    exportBundle: 'Export Library Bundle…',
    importBundle: 'Replace Library from Bundle…',
    importBundleConfirm: 'Replace the open library with the bundle? The current library is kept as a backup.',
    replace: 'Replace',
    cancel: 'Cancel',
    bundleDone: (path: string) => `Library bundle written to ${path}`,
    help: 'Help',
    openLogs: 'Open Logs Folder',
    about: 'About Mizan',
    importDone: (n: number, errors: number) => `Imported ${n} article(s), ${errors} error(s).`,
    backupDone: (path: string) => `Backup written to ${path}`,
    failed: 'Mizan could not do that',
  },
  ar: {
    file: 'ملف',
    importFiles: 'استيراد ملفات…',
    importFolder: 'استيراد مجلد…',
    backupNow: 'نسخ احتياطي للمكتبة الآن',
    openLibrary: 'فتح مكتبة…',
    newLibrary: 'مكتبة جديدة…',
    showLibrary: 'إظهار ملف المكتبة',
    exportBundle: 'تصدير حزمة المكتبة…',
    importBundle: 'استبدال المكتبة من حزمة…',
    importBundleConfirm: 'أتستبدل المكتبة المفتوحة بالحزمة؟ ستُحفظ المكتبة الحالية نسخةً احتياطية.',
    replace: 'استبدال',
    cancel: 'إلغاء',
    bundleDone: (path: string) => `كُتبت حزمة المكتبة في ${path}`,
    help: 'مساعدة',
    openLogs: 'فتح مجلد السجلات',
    about: 'حول ميزان',
    importDone: (n: number, errors: number) => `استُورد ${n} مقال، ${errors} خطأ.`,
    backupDone: (path: string) => `كُتبت النسخة الاحتياطية في ${path}`,
    failed: 'تعذّر على ميزان تنفيذ ذلك',
  },
} as const;

export type MenuLanguage = keyof typeof menuLabels;

export function menuLanguage(locale: string): MenuLanguage {
  return locale.toLowerCase().startsWith('ar') ? 'ar' : 'en';
}
