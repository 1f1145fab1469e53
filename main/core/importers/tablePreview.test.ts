import { describe, expect, it } from 'vitest';
import { parseFile } from './registry';
import { previewTable, scanRecords } from './tablePreview';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('scanRecords', () => {
  it('counts records as csv-parse splits them: quoted line breaks inside, blank lines skipped, last line without a newline', () => {
    const text = 'title,body\r\n"A","one\r\ntwo"\r\n\r\n  \r\nB,"say ""hi""\nthere"\nC,three';
    expect(scanRecords(text, 2)).toEqual({ count: 4, endOf: text.indexOf('\r\n\r\n') + 2 });
    expect(scanRecords(text, 4)).toEqual({ count: 4, endOf: text.length });
    expect(scanRecords('', 1)).toEqual({ count: 0, endOf: 0 });
  });
});

describe('previewTable', () => {
  it('counts the rows the import imports', () => {
    const csv = 'headline;text\n"x";"a\nb"\n\n"y";"c"\n"z";"d"\n';
    const preview = previewTable('t.csv', utf8(csv), { rows: 2 });
    expect(preview).toMatchObject({
      delimiter: ';',
      rowCount: 3,
      rows: [
        ['x', 'a\nb'],
        ['y', 'c'],
      ],
      guessed: { title: 'headline', body: 'text' },
    });
    expect(parseFile('t.csv', utf8(csv))).toHaveLength(preview.rowCount);
  });
});
