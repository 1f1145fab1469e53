import { describe, expect, it } from 'vitest';
import { MizanError, type MizanApi } from '../../../preload/contract';
import { batchFiles, bytesToBase64, uploadFiles } from './uploadFiles';

describe('bytesToBase64', () => {
  it('encodes any bytes, large ones too', () => {
    expect(bytesToBase64(new Uint8Array([]))).toBe('');
    expect(bytesToBase64(new TextEncoder().encode('حرية'))).toBe('2K3YsdmK2Kk=');
    const big = new Uint8Array(300_000).map((_, i) => i & 0xff);
    const decoded = Uint8Array.from(atob(bytesToBase64(big)), (c) => c.charCodeAt(0));
    expect(decoded).toEqual(big);
  });
});

describe('batchFiles', () => {
  it('splits by bytes and by count, never leaving a batch empty', () => {
    const sizes = [5, 5, 5, 20, 1, 1, 1].map((size) => ({ size }));
    expect(batchFiles(sizes, 10, 100).map((b) => b.map((f) => f.size))).toEqual([[5, 5], [5], [20], [1, 1, 1]]);
    expect(batchFiles(sizes, 1000, 3).map((b) => b.length)).toEqual([3, 3, 1]);
    expect(batchFiles([], 10, 10)).toEqual([]);
  });
});

describe('uploadFiles', () => {
  it('turns a refused batch into per-file errors and goes on', async () => {
    const sent: string[][] = [];
    const api = {
      'library.importUploads': async (input: { files: { name: string }[] }) => {
        sent.push(input.files.map((f) => f.name));
        if (input.files.some((f) => f.name === 'huge.txt'))
          throw new MizanError('IMPORT_TOO_LARGE', 'request body over the limit');
        return {
          imported: input.files.map((f, i) => ({ id: i + 1, title: f.name, source: null, path: f.name })),
          duplicates: [],
          errors: [],
        };
      },
    } as unknown as MizanApi;
    const files = [new File(['a'], 'a.txt'), new File([new Uint8Array(64)], 'huge.txt'), new File(['b'], 'b.txt')];
    const report = await uploadFiles(api, files, { maxBatchBytes: 32 });
    expect(sent).toEqual([['a.txt'], ['huge.txt'], ['b.txt']]);
    expect(report.imported.map((i) => i.path)).toEqual(['a.txt', 'b.txt']);
    expect(report.errors).toEqual([
      { path: 'huge.txt', code: 'IMPORT_TOO_LARGE', message: 'request body over the limit' },
    ]);
  });
});
