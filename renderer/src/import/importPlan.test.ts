import { describe, expect, it } from 'vitest';
import {
  MizanError,
  type ImportMapping,
  type Input,
  type MizanApi,
  type TablePreview,
} from '../../../preload/contract';
import { planImport, runImportPlan } from './importPlan';
import {
  headerSignature,
  previewSlice,
  sourceName,
  type ImportSource,
  type MappingChoice,
  type TableGroup,
} from './tableFiles';

const preview = (path: string, columns: string[], guessed: ImportMapping = {}): TablePreview => ({
  path,
  format: 'csv',
  delimiter: ',',
  encoding: 'utf-8',
  columns,
  rows: [],
  rowCount: 1,
  rowCountExact: true,
  guessed,
});

/** The core's answers for a few named files (the contract suite checks the real ones). */
function fakeApi(calls: unknown[]): MizanApi {
  const tables: Record<string, TablePreview> = {
    'a.csv': preview('a.csv', ['headline', 'story'], { title: 'headline' }),
    'b.csv': preview('b.csv', ['Headline ', 'story']),
    'c.csv': preview('c.csv', ['title', 'text', 'date'], { title: 'title', body: 'text', date: 'date' }),
    '/archive/sub/a.csv': preview('/archive/sub/a.csv', ['headline', 'story'], { title: 'headline' }),
  };
  return {
    'library.previewTable': async (input: Input<'library.previewTable'>) => {
      const name = input.upload?.name ?? input.path!;
      if (name === 'logo.csv') throw new MizanError('IMPORT_BINARY', 'logo.csv: this is a PNG image, not an article');
      return tables[name]!;
    },
    'library.listImportFiles': async (input: Input<'library.listImportFiles'>) => {
      const folders: Record<string, string[]> = {
        '/archive': ['/archive/notes.txt', '/archive/sub/a.csv'],
        '/pages': ['/pages/one.html', '/pages/two.html'],
      };
      return {
        files: input.paths.flatMap((p) => folders[p] ?? (p === '/gone' ? [] : [p])),
        errors: input.paths.includes('/gone')
          ? [{ path: '/gone', code: 'IMPORT_READ_FAILED', message: '/gone: no such file or folder' }]
          : [],
      };
    },
    'library.importFiles': async (input: Input<'library.importFiles'>) => {
      calls.push({ paths: input.paths, mapping: input.mapping, mappingComplete: input.mappingComplete });
      return {
        imported: input.paths.map((p, i) => ({ id: calls.length * 10 + i, title: p, source: null, path: p })),
        duplicates: [],
        errors: [],
      };
    },
    'library.importUploads': async (input: Input<'library.importUploads'>) => {
      calls.push({
        files: input.files.map((f) => f.name),
        mapping: input.mapping,
        mappingComplete: input.mappingComplete,
      });
      return {
        imported: input.files.map((f, i) => ({ id: calls.length * 10 + i, title: f.name, source: null, path: f.name })),
        duplicates: [],
        errors: [],
      };
    },
  } as unknown as MizanApi;
}

const file = (name: string): ImportSource => ({ kind: 'file', file: new File(['x'], name) });

describe('planImport', () => {
  it('asks once per header, keeps the other files, reports unreadable tables, and remembers what was chosen', async () => {
    const calls: unknown[] = [];
    const remembered = new Map<string, ImportMapping>([
      [headerSignature(preview('c.csv', ['title', 'text', 'date'])), { title: 'title', body: 'text' }],
    ]);
    let asked: TableGroup[] = [];
    const plan = await planImport(
      fakeApi(calls),
      [file('a.csv'), file('note.txt'), file('b.csv'), file('logo.csv'), file('c.csv')],
      {
        remembered: (s) => remembered.get(s),
        remember: (s, m) => remembered.set(s, m),
        ask: async (groups) => {
          asked = groups;
          return groups.map((g): MappingChoice => ({
            ...g.initial,
            body: 'story' === g.preview.columns[1] ? 'story' : g.initial.body,
          }));
        },
      },
    );
    // a.csv and b.csv share a header (case and spaces aside); c.csv starts from its remembered mapping, not the guess.
    expect(asked.map((g) => [g.sources.map((s) => (s.kind === 'file' ? s.file.name : s.path)), g.origin])).toEqual([
      [['a.csv', 'b.csv'], 'guessed'],
      [['c.csv'], 'remembered'],
    ]);
    expect(asked[0]!.initial).toMatchObject({ title: 'headline', body: '' });
    expect(asked[1]!.initial).toMatchObject({ title: 'title', body: 'text', date: '' });
    expect(plan.errors).toEqual([
      { path: 'logo.csv', code: 'IMPORT_BINARY', message: 'logo.csv: this is a PNG image, not an article' },
    ]);
    const report = await runImportPlan(fakeApi(calls), plan);
    expect(calls).toEqual([
      { files: ['note.txt'], mapping: undefined, mappingComplete: undefined },
      { files: ['a.csv', 'b.csv'], mapping: { title: 'headline', body: 'story' }, mappingComplete: true },
      { files: ['c.csv'], mapping: { title: 'title', body: 'text' }, mappingComplete: true },
    ]);
    expect(report.imported).toHaveLength(4);
    expect(report.errors.map((e) => e.code)).toEqual(['IMPORT_BINARY']);
    expect(remembered.get(asked[0]!.signature)).toEqual({ title: 'headline', body: 'story' });
  });

  it('drops every table file when the user cancels, and only them', async () => {
    const calls: unknown[] = [];
    const plan = await planImport(fakeApi(calls), [file('a.csv'), file('logo.csv'), file('note.txt')], {
      remembered: () => undefined,
      remember: () => undefined,
      ask: async () => null,
    });
    expect(plan).toMatchObject({ cancelled: 2, errors: [] });
    await runImportPlan(fakeApi(calls), plan);
    expect(calls).toEqual([{ files: ['note.txt'], mapping: undefined, mappingComplete: undefined }]);
  });
});

describe('planImport with folders given by path (Electron)', () => {
  const path = (p: string): ImportSource => ({ kind: 'path', path: p });
  const hooks = (asked: TableGroup[][]) => ({
    remembered: () => undefined,
    remember: () => undefined,
    ask: async (groups: TableGroup[]) => {
      asked.push(groups);
      return groups.map((g): MappingChoice => ({ ...g.initial, body: 'story' }));
    },
  });

  it('lists a folder that holds a table file, so the table gets the dialog and the rest is imported as read', async () => {
    const calls: unknown[] = [];
    const asked: TableGroup[][] = [];
    const plan = await planImport(fakeApi(calls), [path('/archive'), path('/gone')], hooks(asked));
    expect(asked.flat().map((g) => g.sources.map(sourceName))).toEqual([['a.csv']]);
    expect(plan.errors.map((e) => e.path)).toEqual(['/gone']);
    await runImportPlan(fakeApi(calls), plan);
    expect(calls).toEqual([
      { paths: ['/archive/notes.txt'], mapping: undefined, mappingComplete: undefined },
      { paths: ['/archive/sub/a.csv'], mapping: { title: 'headline', body: 'story' }, mappingComplete: true },
    ]);
  });

  it('leaves a folder without tables whole: the import walks it itself', async () => {
    const calls: unknown[] = [];
    const asked: TableGroup[][] = [];
    const plan = await planImport(fakeApi(calls), [path('/pages')], hooks(asked));
    expect(asked).toEqual([]);
    await runImportPlan(fakeApi(calls), plan);
    expect(calls).toEqual([{ paths: ['/pages'], mapping: undefined, mappingComplete: undefined }]);
  });
});

describe('previewSlice', () => {
  it('cuts a big file after a line end, keeping a UTF-16LE line end whole, and never a gzip stream', () => {
    const utf8 = new TextEncoder().encode('a,b\n1,2\n3,4\n');
    expect(new TextDecoder().decode(previewSlice(utf8, 'x.csv', 10))).toBe('a,b\n1,2\n');
    expect(previewSlice(utf8, 'x.csv.gz', 10)).toBe(utf8);
    const utf16 = new Uint8Array([0x61, 0, 0x0a, 0, 0x62, 0, 0x0a, 0, 0x63, 0]);
    expect([...previewSlice(utf16, 'x.csv', 6)]).toEqual([0x61, 0, 0x0a, 0]);
  });
});
