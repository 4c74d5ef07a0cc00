// Keyboard commands, as pure lookups: the scrolly (j/k, arrows) and the
// presentation deck (arrows, space, PageUp/PageDown from clicker remotes, Home/End, f).

export type StepCommand = 'next' | 'previous';
export type DeckCommand = 'next' | 'previous' | 'first' | 'last' | 'fullscreen';

interface KeyLike {
  key: string;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  shiftKey?: boolean;
}

const hasModifier = (e: KeyLike) => Boolean(e.altKey || e.ctrlKey || e.metaKey);

export function scrollyCommand(e: KeyLike): StepCommand | undefined {
  if (hasModifier(e)) return undefined;
  switch (e.key) {
    case 'j': case 'ArrowDown': case 'ArrowRight': return 'next';
    case 'k': case 'ArrowUp': case 'ArrowLeft': return 'previous';
    default: return undefined;
  }
}

export function deckCommand(e: KeyLike): DeckCommand | undefined {
  if (hasModifier(e)) return undefined;
  switch (e.key) {
    case 'ArrowRight': case 'ArrowDown': case 'PageDown': case 'n': case 'j':
      return 'next';
    case ' ': case 'Spacebar':
      return e.shiftKey ? 'previous' : 'next';
    case 'ArrowLeft': case 'ArrowUp': case 'PageUp': case 'p': case 'k': case 'Backspace':
      return 'previous';
    case 'Home': return 'first';
    case 'End': return 'last';
    case 'f': case 'F': return 'fullscreen';
    default: return undefined;
  }
}
