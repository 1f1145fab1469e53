/**
 * A big JSON array read as a stream of parts: the parts hold exactly the
 * file's records, in order, whatever the chunking of the bytes; a file that
 * is not an array is left to the whole-file path; a cut file yields the
 * records before the cut, then an error naming the file.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/paths';
import { jsonArrayParts, NotAJsonArray } from './jsonStream';

async function partsOf(path: string, records: number): Promise<Array<{ first: number; values: unknown[] }>> {
  const out: Array<{ first: number; values: unknown[] }> = [];
  for await (const part of jsonArrayParts(path, { records, bytes: 1 << 20, limit: 1 << 30 }))
    out.push({ first: part.firstRecord, values: JSON.parse(part.bytes.toString('utf8')) as unknown[] });
  return out;
}

const tricky = [
  { title: 'قوس ] في العنوان', content: 'نص فيه "اقتباس" و\\ شرطة و} قوس' },
  { title: 'nested', content: 'x', tags: ['a', { name: 'b]' }] },
  'a bare string, "quoted"',
  42,
  null,
  true,
  { title: 'escaped backslash at the end \\', content: '\\\\' },
];

describe('jsonArrayParts', () => {
  it('cuts an array into parts of whole records that equal the file, gzipped or not, with a byte-order mark', async () => {
    const many = Array.from({ length: 2500 }, (_, i) => ({
      title: `عنوان ${i}`,
      content: `نص ${i} ${'كلمة '.repeat(i % 50)}`,
    }));
    const records = [...tricky, ...many];
    const dir = tempDir();
    const plain = join(dir, 'articles.json');
    writeFileSync(plain, `\ufeff\n  ${JSON.stringify(records, null, 4)}\n`);
    const gz = join(dir, 'articles.json.gz');
    writeFileSync(gz, gzipSync(JSON.stringify(records)));
    for (const path of [plain, gz]) {
      const parts = await partsOf(path, 1000);
      expect(parts.map((p) => p.first)).toEqual([0, 1000, 2000]);
      expect(parts.flatMap((p) => p.values)).toEqual(records);
    }
    // Two records a part: the tricky ones are cut between, never inside.
    const small = await partsOf(plain, 2);
    expect(small.slice(0, 4).map((p) => p.values)).toEqual([
      tricky.slice(0, 2),
      tricky.slice(2, 4),
      tricky.slice(4, 6),
      [tricky[6], many[0]],
    ]);
  });

  it('leaves an object or an empty file to the whole-file path', async () => {
    const dir = tempDir();
    const object = join(dir, 'object.json');
    writeFileSync(object, '  {"articles": [{"title": "a", "content": "b"}]}');
    await expect(partsOf(object, 10)).rejects.toBeInstanceOf(NotAJsonArray);
    const blank = join(dir, 'blank.json');
    writeFileSync(blank, '   \n');
    await expect(partsOf(blank, 10)).rejects.toBeInstanceOf(NotAJsonArray);
  });

  it('yields the records before a cut, then fails naming the file', async () => {
    const path = join(tempDir(), 'cut.json');
    writeFileSync(path, '[{"title": "one", "content": "x"}, {"title": "two", "content": "y"}, {"title": "thr');
    const seen: unknown[] = [];
    await expect(
      (async () => {
        for await (const part of jsonArrayParts(path, { records: 1, bytes: 1 << 20, limit: 1 << 30 }))
          seen.push(...(JSON.parse(part.bytes.toString('utf8')) as unknown[]));
      })(),
    ).rejects.toThrow(`${path}: invalid JSON: the file ends inside record 3`);
    expect(seen).toEqual([
      { title: 'one', content: 'x' },
      { title: 'two', content: 'y' },
    ]);
  });

  it('refuses a file that decompresses past the limit', async () => {
    const path = join(tempDir(), 'big.json.gz');
    writeFileSync(path, gzipSync(JSON.stringify(Array.from({ length: 2000 }, () => ({ content: 'x'.repeat(1000) })))));
    await expect(
      (async () => {
        for await (const part of jsonArrayParts(path, { records: 100, bytes: 1 << 20, limit: 500_000 })) void part;
      })(),
    ).rejects.toMatchObject({ code: 'IMPORT_TOO_LARGE' });
  });
});
