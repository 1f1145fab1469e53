/** `mizan entities` as archivists script it: a real process, a real library file. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mizan } from '../support/cli';
import { tempDir } from '../support/paths';

describe('mizan entities', () => {
  const dir = tempDir();
  const library = join(dir, 'library.db');
  const article = join(dir, 'judges.txt');
  // SaudiNewsNet, alwatan 2015-07-22 (first sentences of the King's order on 125 judges).
  writeFileSync(
    article,
    'أمر ملكي.. ترقية وتعيين 125 قاضيا بالعدل والمظالم\n' +
      'أصدر خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز، أمرا بترقية وتعيين 100 قاض بوزارة العدل في مختلف درجات السلك القضائي.\n' +
      'وأوضح وزير العدل الشيخ وليد بن محمد الصمعاني، أن الأمر الكريم يأتي في سياق الدعم المتواصل من خادم الحرمين الشريفين لمرفق القضاء، سائلا المولى عز وجل أن يجزي خادم الحرمين الشريفين خير الجزاء وأن يوفق القضاة لتحقيق تطلعات ولاة الأمر.',
  );

  it('lists the people and bodies of an article with offsets into its body', async () => {
    expect((await mizan(['import', article, '--library', library, '--json'])).code).toBe(0);
    const result = await mizan(['entities', '1', '--library', library, '--json']);
    expect(result.code).toBe(0);
    const [out] = JSON.parse(result.stdout) as Array<{
      id: number;
      mentions: Array<{
        kind: string;
        text: string;
        start: number;
        end: number;
        canonical: string;
        title?: { text: string };
      }>;
    }>;
    expect(out!.id).toBe(1);
    expect(out!.mentions.map((m) => [m.kind, m.canonical, m.title?.text ?? null])).toEqual([
      ['person', 'سلمان بن عبدالعزيز', 'خادم الحرمين الشريفين الملك'],
      ['organisation', 'وزارة العدل', null],
      ['person', 'وليد بن محمد الصمعاني', 'وزير العدل الشيخ'],
    ]);
    const show = JSON.parse((await mizan(['show', '1', '--library', library, '--json'])).stdout) as { body: string };
    for (const m of out!.mentions) expect(show.body.slice(m.start, m.end)).toBe(m.text);
  });

  it('prints them grouped by kind, and refuses an id that is not one', async () => {
    const result = await mizan(['entities', '1', '--library', library]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('people:');
    expect(result.stdout).toContain('وليد بن محمد الصمعاني  ×1  (وزير العدل الشيخ)');
    const bad = await mizan(['entities', 'x', '--library', library]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('entities: "x" is not an article id');
  });
});
