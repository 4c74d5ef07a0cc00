// Pure scrolly logic: active step from geometry, state selection, URL hashes,
// keyboard commands and the build-time step numbering / state marking.
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { activeStepFromGeometry, neighbourStep, triggerLine } from '../../src/lib/scrolly/geometry.ts';
import { activeStateValue, applyStates, parseStateValue } from '../../src/lib/scrolly/states.ts';
import { formatSlideHash, formatStepHash, parseSlideHash, parseStepHash } from '../../src/lib/scrolly/hash.ts';
import { deckCommand, scrollyCommand } from '../../src/lib/scrolly/keys.ts';
import { containsScrolly, markStatesInHtml, numberSteps } from '../../src/lib/scrolly/render.ts';

// Synthetic fixture: four steps of 200px spaced 500px apart.
const boxes = (scroll: number) => [0, 1, 2, 3].map((i) => ({ top: 600 + i * 500 - scroll, height: 200 }));

describe('activeStepFromGeometry', () => {
  it('is step 0 at progress 0 before the first step reaches the trigger line', () => {
    expect(activeStepFromGeometry(boxes(0), 400)).toEqual({ step: 0, progress: 0 });
  });
  it('is the last step whose top crossed the line, with progress through it', () => {
    expect(activeStepFromGeometry(boxes(300), 400)).toEqual({ step: 0, progress: 0.5 });
    expect(activeStepFromGeometry(boxes(800), 400)).toEqual({ step: 1, progress: 0.5 });
  });
  it('keeps the previous step active in the gap between steps', () => {
    expect(activeStepFromGeometry(boxes(1000), 400)).toEqual({ step: 1, progress: 1 });
    expect(activeStepFromGeometry(boxes(1300), 400)).toEqual({ step: 2, progress: 0.5 });
    expect(activeStepFromGeometry(boxes(1500), 400)).toEqual({ step: 2, progress: 1 });
  });
  it('lands on the right step after a fling far past the scrolly', () => {
    expect(activeStepFromGeometry(boxes(100_000), 400)).toEqual({ step: 3, progress: 1 });
  });
  it('counts a step whose top sits exactly on the line as active', () => {
    expect(activeStepFromGeometry(boxes(700), 400).step).toBe(1);
  });
  it('handles zero-height steps and rejects an empty scrolly', () => {
    expect(activeStepFromGeometry([{ top: 10, height: 0 }], 400)).toEqual({ step: 0, progress: 1 });
    expect(() => activeStepFromGeometry([], 400)).toThrow(RangeError);
  });
  it('triggerLine and neighbourStep clamp', () => {
    expect(triggerLine(800, 0.5)).toBe(400);
    expect(triggerLine(800, 2)).toBe(800);
    expect(neighbourStep(0, -1, 4)).toBe(0);
    expect(neighbourStep(3, 1, 4)).toBe(3);
    expect(neighbourStep(1, 1, 4)).toBe(2);
  });
});

describe('states', () => {
  it('activeStateValue picks the largest declared n <= step', () => {
    expect(activeStateValue([0, 2, 5], 0)).toBe(0);
    expect(activeStateValue([0, 2, 5], 4)).toBe(2);
    expect(activeStateValue([0, 2, 5], 9)).toBe(5);
    expect(activeStateValue([2], 1)).toBeUndefined();
  });
  it('parseStateValue accepts only non-negative integers', () => {
    expect(parseStateValue('3')).toBe(3);
    expect(parseStateValue(' 0 ')).toBe(0);
    expect(parseStateValue('-1')).toBeUndefined();
    expect(parseStateValue('two')).toBeUndefined();
    expect(parseStateValue(null)).toBeUndefined();
  });
  it('applyStates marks per sibling group and clears old marks', () => {
    const { document } = parseHTML(
      '<div id="g"><svg><g data-state="0" data-state-active></g><g data-state="2"></g></svg>' +
        '<p><span data-state="1"></span><span data-state="3"></span></p></div>',
    );
    const g = document.getElementById('g') as unknown as Element;
    const active = () => Array.from(g.querySelectorAll('[data-state-active]')).map((e) => e.getAttribute('data-state'));
    expect(applyStates(g, 0)).toBe(1);
    expect(active()).toEqual(['0']);
    applyStates(g, 2);
    expect(active()).toEqual(['2', '1']);
    applyStates(g, 7);
    expect(active()).toEqual(['2', '3']);
  });
});

describe('hashes', () => {
  it('round-trips step addresses, ids with hyphens included', () => {
    expect(formatStepHash('source-line', 3)).toBe('#source-line-3');
    expect(parseStepHash('#source-line-3')).toEqual({ id: 'source-line', step: 3 });
    expect(parseStepHash('#threshold-0')).toEqual({ id: 'threshold', step: 0 });
  });
  it('rejects hashes that are not step addresses', () => {
    expect(parseStepHash('#what-a-datasheet-answers')).toBeUndefined();
    expect(parseStepHash('')).toBeUndefined();
    expect(parseStepHash('#%E0%A4%A')).toBeUndefined();
  });
  it('parses slide hashes 1-based and clamps them', () => {
    expect(formatSlideHash(3)).toBe('#slide-3');
    expect(parseSlideHash('#slide-3', 24)).toBe(3);
    expect(parseSlideHash('#slide-99', 24)).toBe(24);
    expect(parseSlideHash('#slide-0', 24)).toBe(1);
    expect(parseSlideHash('#threshold-1', 24)).toBeUndefined();
  });
});

describe('keys', () => {
  it('maps scrolly keys and ignores modified ones', () => {
    expect(scrollyCommand({ key: 'j' })).toBe('next');
    expect(scrollyCommand({ key: 'ArrowUp' })).toBe('previous');
    expect(scrollyCommand({ key: 'j', ctrlKey: true })).toBeUndefined();
    expect(scrollyCommand({ key: 'x' })).toBeUndefined();
  });
  it('maps clicker-remote and deck keys', () => {
    expect(deckCommand({ key: 'PageDown' })).toBe('next');
    expect(deckCommand({ key: 'PageUp' })).toBe('previous');
    expect(deckCommand({ key: ' ' })).toBe('next');
    expect(deckCommand({ key: ' ', shiftKey: true })).toBe('previous');
    expect(deckCommand({ key: 'Home' })).toBe('first');
    expect(deckCommand({ key: 'End' })).toBe('last');
    expect(deckCommand({ key: 'f' })).toBe('fullscreen');
    expect(deckCommand({ key: 'f', metaKey: true })).toBeUndefined();
  });
});

describe('build-time rendering', () => {
  it('numbers step markers in order with deep-link ids', () => {
    const html = '<div data-scrolly-step-marker class="scrolly-step">a</div><p>x</p><div data-scrolly-step-marker="" class="scrolly-step">b</div>';
    const out = numberSteps(html, 'trust');
    expect(out.count).toBe(2);
    expect(out.html).toBe('<div data-step="0" id="trust-0" class="scrolly-step">a</div><p>x</p><div data-step="1" id="trust-1" class="scrolly-step">b</div>');
  });
  it('does not number escaped marker text', () => {
    expect(numberSteps('&lt;div data-scrolly-step-marker', 'x').count).toBe(0);
  });
  it('detects nested scrollies', () => {
    expect(containsScrolly('<section class="scrolly" data-scrolly="a">')).toBe(true);
    expect(containsScrolly('<p>data-scrolly="a"</p>')).toBe(false);
  });
  it('marks the states for a step and leaves state-free HTML untouched', () => {
    const plain = '<svg viewBox="0 0 1 1"><rect/></svg>';
    expect(markStatesInHtml(plain, 0)).toBe(plain);
    const out = markStatesInHtml('<p data-state="0">a</p><p data-state="1">b</p>', 1);
    expect(out).toContain('<p data-state="0">a</p>');
    expect(out).toMatch(/<p (data-state="1" data-state-active=""|data-state-active="" data-state="1")>b<\/p>/);
  });
});
