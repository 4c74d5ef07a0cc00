// Clamped texts on see:set photo cards (src/lib/seeset/text-preview.ts).
import { describe, expect, it } from 'vitest';
import { textPreview } from '../../src/lib/seeset/text-preview.ts';

describe('textPreview', () => {
  it('keeps a short text whole', () => {
    expect(textPreview('A gull on a post.', 20)).toEqual({ preview: 'A gull on a post.', clamped: false });
  });
  it('cuts a long text at a word boundary near the limit, with an ellipsis', () => {
    const { preview, clamped } = textPreview('one two three four five six seven eight nine ten', 20);
    expect(clamped).toBe(true);
    expect(preview).toBe('one two three four…');
  });
  it('cuts a run without spaces by characters, never inside a grapheme', () => {
    const korean = '갈매기가 바닷가의 기둥 위에 앉아 있다'.replaceAll(' ', '');
    expect(textPreview(korean, 5).preview).toBe(`${korean.slice(0, 5)}…`);
    const emoji = '👩‍👩‍👧'.repeat(10);
    expect(textPreview(emoji, 3).preview).toBe(`${'👩‍👩‍👧'.repeat(3)}…`);
  });
});
