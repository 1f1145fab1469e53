/**
 * Hostile input for every importer through parseFileAsync: random bytes, random
 * Unicode, and mutated well-formed files of each format. Each call must end
 * within a bound and either return records (every failed record carrying a
 * known code) or throw an ImportError with a known code: never a TypeError,
 * a RangeError, a hang.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../preload/contract';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importers, parseFileAsync } from '../../main/core/importers/registry';
import { ImportError } from '../../main/core/importers/types';
import { readWebArchive } from '../../main/core/importers/webArchive';
import { otherRecords, pageRecords } from '../../bench/warcMaker';

const PER_CALL_MS = 2_000;
const RUNS = Number(process.env['MIZAN_FUZZ_RUNS'] ?? 100);
const known = new Set<string>(errorCodes);

const templates: Record<string, string[]> = {
  '.txt': ['الحرية – (26/7/2021)\nبايدن يعلن انسحاب 2500 جندي أميركي من العراق.\nقال مسؤول كبير إن القوات ستغادر.'],
  '.html': [
    '<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>بايدن</title><meta name="author" content="AP"></head><body><article><h1>بايدن والعراق</h1><p>قال البيت الأبيض إن 2500 جندي.</p><script>alert(1)</script></article></body></html>',
  ],
  '.md': ['---\ntitle: Biden and Iraq\ndate: 2021-07-26\n---\n# Biden\n\nThe White House said **2500** soldiers.\n'],
  '.json': [
    '[{"title":"بايدن","body":"انسحاب 2500 جندي","source":"الحرية","date":"26/7/2021","tags":["العراق"]}]',
    '{"articles":[{"headline":"x","text":"y"}]}',
  ],
  '.jsonl': ['{"title":"a","body":"b"}\n{"title":"c","body":"d","date":"تموز 2021"}\n'],
  '.csv': ['title,body,source,date\n"بايدن","انسحاب ""2500"" جندي",الحرية,26/7/2021\n'],
  '.tsv': ['title\tbody\tdate\nBiden\tIraq withdrawal\t2021-07-26\n'],
  '.rss': [
    '<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>الحرية</title><item><title>بايدن</title><link>https://example.org/a</link><pubDate>Mon, 26 Jul 2021 10:00:00 GMT</pubDate><description>انسحاب</description><content:encoded><![CDATA[<p>قال البيت الأبيض إن 2500 جندي.</p>]]></content:encoded></item></channel></rss>',
  ],
  '.atom': [
    '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title>Biden</title><link href="https://example.org/a"/><published>2021-07-26T10:00:00Z</published><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>2500 soldiers</p></div></content></entry></feed>',
  ],
  '.mhtml': [
    'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\nContent-Type: text/html; charset="utf-8"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<html><body><p>Biden =E2=80=93 Iraq</p></body></html>\r\n--b--\r\n',
  ],
};

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'import', name));
/** Formats whose well-formed example is a binary file. */
const binaryTemplates: Record<string, Buffer[]> = {
  '.pdf': [fixture('multilang.pdf')],
  '.docx': [fixture('tables.docx')],
};

/** Bytes that look like the format, then damaged: cut, spliced, flipped, re-encoded. */
function mutatedFile(ext: string): fc.Arbitrary<Uint8Array> {
  const bases = binaryTemplates[ext] ?? (templates[ext] ?? ['x']).map((t) => Buffer.from(t, 'utf8'));
  return fc
    .record({
      base: fc.constantFrom(...bases),
      cut: fc.nat(),
      insertAt: fc.nat(),
      insert: fc.oneof(
        fc.uint8Array({ maxLength: 64 }),
        fc.string({ unit: 'binary', maxLength: 64 }).map((s) => Buffer.from(s, 'utf8')),
      ),
      flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
      repeat: fc.integer({ min: 1, max: 3 }),
      utf16: fc.boolean(),
    })
    .map(({ base, cut, insertAt, insert, flips, repeat, utf16 }) => {
      let bytes = Buffer.concat(Array.from({ length: repeat }, () => base));
      if (utf16) bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(bytes.toString('utf8'), 'utf16le')]);
      const at = insertAt % (bytes.length + 1);
      bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(insert), bytes.subarray(at)]);
      for (const [i, v] of flips) if (bytes.length > 0) bytes[i % bytes.length] = v;
      return bytes.subarray(0, bytes.length - (cut % Math.max(1, Math.floor(bytes.length / 2))));
    });
}

const anyBytes = fc.oneof(
  fc.uint8Array({ maxLength: 2048 }),
  fc.string({ unit: 'grapheme', maxLength: 400 }).map((s) => Buffer.from(s, 'utf8')),
  fc.string({ unit: 'binary', maxLength: 400 }).map((s) => Buffer.from(s, 'utf16le')),
);

async function checkOutcome(path: string, bytes: Uint8Array): Promise<void> {
  const started = performance.now();
  try {
    const records = await parseFileAsync(path, bytes);
    expect(Array.isArray(records)).toBe(true);
    for (const r of records) {
      if (r.ok) {
        expect(typeof r.article.title).toBe('string');
        expect(typeof r.article.body).toBe('string');
      } else {
        expect(known.has(r.error.code), `record error code ${r.error.code}`).toBe(true);
        expect(r.error.message.length).toBeGreaterThan(0);
      }
    }
  } catch (error) {
    if (!(error instanceof ImportError))
      throw new Error(
        `${path}: threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)} instead of an ImportError`,
      );
    expect(known.has(error.code), `ImportError code ${error.code}`).toBe(true);
    expect(error.message).toContain(path);
  }
  const ms = performance.now() - started;
  expect(ms, `${path} took ${Math.round(ms)} ms on ${bytes.length} bytes`).toBeLessThan(PER_CALL_MS);
}

describe('importers under fuzzing (parseFileAsync)', () => {
  const extensions = [...new Set(importers.flatMap((i) => [...i.extensions]))];

  it('knows every format it fuzzes', () => {
    expect(extensions.length).toBe(new Set(extensions).size);
    for (const ext of ['.txt', '.html', '.json', '.csv']) expect(extensions).toContain(ext);
  });

  for (const ext of extensions) {
    it(`${ext}: random bytes and damaged files end in records or a coded ImportError`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(anyBytes, mutatedFile(ext)), (bytes) => checkOutcome(`fuzz${ext}`, bytes)),
        { numRuns: RUNS, seed: Number(process.env['MIZAN_FUZZ_SEED'] ?? 20260726) },
      );
    }, 120_000);
  }

  it('gzip-wrapped damage and unknown extensions are coded too', async () => {
    await fc.assert(
      fc.asyncProperty(anyBytes, fc.constantFrom('x.txt.gz', 'x.json.gz', 'x.exe', 'noext', 'x.HTML'), (bytes, name) =>
        checkOutcome(name, bytes),
      ),
      { numRuns: RUNS, seed: 7 },
    );
  });
});

describe('web archives under fuzzing (readWebArchive)', () => {
  it('random bytes and damaged WARCs end in pages or coded record errors', async () => {
    const page = {
      url: 'https://example.org/a',
      title: 'بايدن',
      body: 'قال البيت الأبيض إن 2500 جندي.',
      lang: 'ar',
      date: '2021-07-26T10:00:00Z',
    };
    const bases = [
      Buffer.concat(await pageRecords(page)),
      Buffer.concat([
        ...(await otherRecords('2021-07-26T10:00:00Z', true)),
        ...(await pageRecords(page, { gzip: true })),
      ]),
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          anyBytes,
          fc
            .record({
              base: fc.constantFrom(...bases),
              cut: fc.nat(),
              flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
            })
            .map(({ base, cut, flips }) => {
              const bytes = Buffer.from(base);
              for (const [i, v] of flips) bytes[i % bytes.length] = v;
              return bytes.subarray(0, bytes.length - (cut % Math.max(1, bytes.length)));
            }),
        ),
        async (bytes) => {
          const started = performance.now();
          for await (const event of readWebArchive('fuzz.warc', bytes.length, 1 << 20, () => undefined, bytes)) {
            if ('error' in event) {
              expect(known.has(event.error.code), `code ${event.error.code}`).toBe(true);
              expect(event.error.message).toContain('fuzz.warc');
            }
          }
          expect(performance.now() - started).toBeLessThan(PER_CALL_MS);
        },
      ),
      { numRuns: RUNS, seed: 11 },
    );
  }, 120_000);
});
