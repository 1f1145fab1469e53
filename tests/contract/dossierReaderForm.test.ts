/**
 * An Arabic dossier as an Arabic reader writes it: the cover's date with its
 * month named (never 06-12-2026, which an ISO date becomes in an Arabic
 * line), headings with Arabic punctuation. Read back with pdftotext; the
 * cover page is drawn to test-results/ with pdftoppm.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../main/core/services';
import { resultPath } from '../support/e2eBrowser';
import { tempDir } from '../support/paths';

describe('dossier PDF in the reader’s form', () => {
  let services: Services;
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    services = await createServices({
      dbPath: join(dir, 'library.db'),
      host: 'test',
      now: () => new Date('2026-12-06T22:55:00Z'),
      storiesAfterImport: false,
    });
  });
  afterAll(async () => {
    await services.close();
  });

  it('names the month of the cover date and writes ، ؛ ؟ in Arabic headings', async () => {
    const file = join(dir, 'a.jsonl');
    writeFileSync(
      file,
      JSON.stringify({
        title: 'هل تنتهي المهمة القتالية, وما مصير القوات?',
        body: 'أعلن الرئيس الأميركي انتهاء المهمة القتالية في العراق بنهاية العام.',
        source: 'حرية',
        date: '2021-07-26',
        lang: 'ar',
      }) + '\n',
    );
    const h = services.handlers;
    const ctx = { progress: () => undefined, signal: new AbortController().signal };
    const report = await h['library.importFiles']({ paths: [file] }, ctx);
    const id = report.imported[0]!.id;
    const dossier = await h['dossier.create'](
      { title: 'ملف العراق; المهمة القتالية', items: [{ kind: 'article', id }] },
      ctx,
    );
    const pdf = join(dir, 'iraq.pdf');
    await h['dossier.exportPdf']({ dossierId: dossier.id, path: pdf }, ctx);
    // pdftotext marks its bidi runs with embedding controls; the colon beside a number moves in an RTL line.
    const read = (...range: string[]) =>
      execFileSync('pdftotext', ['-enc', 'UTF-8', ...range, pdf, '-'], { encoding: 'utf8' }).replace(
        /[\u202a-\u202e\u2066-\u2069]/g,
        '',
      );
    const cover = read('-f', '1', '-l', '1');
    expect(cover).toMatch(/تاريخ الإعداد:? 6 :?كانون الأول 2026/);
    expect(cover).not.toMatch(/\d{2}-\d{2}-\d{4}|2026-12-06/);
    const text = read();
    // Under the heading the article's date is named too; its citation keeps the date as the source wrote it.
    expect(text).toMatch(/حر ?ية ·\s+26\s*تموز 2021/);
    expect(text).toContain('ملف العراق؛ المهمة القتالية');
    expect(text).toMatch(/هل تنتهي المهمة القتالية ?، ?وما مصير القوات؟/);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      pdf,
      resultPath('dossier-ar-cover').replace(/\.png$/, ''),
    ]);
  }, 60_000);
});
