// @vitest-environment happy-dom
// The step bridge between a scrolly and its graphics: publish, subscribe by
// id, current state for late subscribers (islands that hydrate later).
import { describe, expect, it } from 'vitest';
import { currentStep, followSteps, onStep, publishStep, scrollyIdOf, type StepState } from '../../src/lib/scrolly/bridge.ts';
import { focusNode } from '../../src/components/charts/TaxonomyTree.client.ts';

const state = (id: string, step: number): StepState => ({ id, step, count: 4, progress: 0.25, direction: 'down' });

describe('bridge', () => {
  it('delivers states of one scrolly only, and stops after unsubscribe', () => {
    const seen: number[] = [];
    const off = onStep('a', (s) => seen.push(s.step));
    publishStep(state('a', 1));
    publishStep(state('b', 2));
    publishStep(state('a', 3));
    off();
    publishStep(state('a', 0));
    expect(seen).toEqual([1, 3]);
  });

  it('gives a late subscriber the current state at once', () => {
    publishStep(state('late', 2));
    expect(currentStep('late')).toEqual(state('late', 2));
    const seen: StepState[] = [];
    onStep('late', (s) => seen.push(s))();
    expect(seen).toEqual([state('late', 2)]);
    expect(currentStep('never')).toBeUndefined();
  });

  it('shares state with another copy of the module (an island bundled apart)', async () => {
    // A query string makes Vite load a second, separate instance of the module.
    const path: string = '../../src/lib/scrolly/bridge.ts?copy';
    const copy = (await import(/* @vite-ignore */ path)) as typeof import('../../src/lib/scrolly/bridge.ts');
    expect(copy.publishStep).not.toBe(publishStep);
    publishStep(state('shared', 3));
    expect(copy.currentStep('shared')?.step).toBe(3);
  });

  it('finds the scrolly an element sits in', () => {
    document.body.innerHTML = '<section data-scrolly="cut"><div data-scrolly-graphic><svg id="g"></svg></div></section><p id="out"></p>';
    expect(scrollyIdOf(document.getElementById('g')!)).toBe('cut');
    expect(scrollyIdOf(document.getElementById('out')!)).toBeUndefined();
  });

  it('keeps an island to a step fixed after it subscribed (an embed at ?step=n)', () => {
    document.body.innerHTML = '<section data-scrolly="frozen"><div data-scrolly-graphic><div id="island"></div></div></section>';
    const seen: number[] = [];
    followSteps(document.getElementById('island')!, (step) => seen.push(step));
    publishStep(state('frozen', 1));
    document.querySelector('[data-scrolly-graphic]')!.setAttribute('data-graphic-step', '2');
    publishStep(state('frozen', 3));
    expect(seen).toEqual([1, 2]);
  });
});

describe('TaxonomyTree focusNode', () => {
  const tree = () => {
    document.body.innerHTML = '<div class="tree"><ul>'
      + '<li data-node="a"><details open><summary>a</summary><ul>'
      + '<li data-node="b"><details><summary>b</summary><ul><li data-node="c">c</li></ul></details></li>'
      + '<li data-node="d"><details><summary>d</summary><ul><li data-node="e">e</li></ul></details></li>'
      + '</ul></details></li></ul></div>';
    return document.querySelector<HTMLElement>('.tree')!;
  };
  const openNodes = (t: HTMLElement) => Array.from(t.querySelectorAll('details[open]')).map((d) => d.closest('li')!.dataset['node']);

  it('shows the same tree for a step however it is reached', () => {
    const direct = tree();
    focusNode(direct, 'e');
    const once = openNodes(direct);
    const walked = tree();
    focusNode(walked, 'c');
    expect(openNodes(walked)).toEqual(['a', 'b']);
    focusNode(walked, 'e');
    expect(openNodes(walked)).toEqual(once);
    expect(once).toEqual(['a', 'd']);
    expect(walked.querySelectorAll('[data-focused]').length).toBe(1);
  });
});
