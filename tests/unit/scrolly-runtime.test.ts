// @vitest-environment happy-dom
// The scrolly runtime's start-up reads no layout and no computed style: the
// first state comes from the IntersectionObserver's first entries (a stub
// here delivers synthetic boxes), so the page is laid out once, by the
// browser, not forced in the middle of the script.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { currentStep } from '../../src/lib/scrolly/bridge.ts';

type Entry = { target: Element; boundingClientRect: DOMRectReadOnly; isIntersecting: boolean };
const observers: { callback: (entries: Entry[]) => void; targets: Element[] }[] = [];

class StubObserver {
  targets: Element[] = [];
  constructor(public callback: (entries: Entry[]) => void) {
    observers.push(this);
  }
  observe(el: Element) { this.targets.push(el); }
  unobserve(el: Element) { this.targets = this.targets.filter((t) => t !== el); }
  disconnect() { this.targets = []; }
}

const rect = (top: number, height: number) => ({ top, height, bottom: top + height, left: 0, right: 100, width: 100, x: 0, y: top }) as DOMRectReadOnly;

describe('scrolly runtime start-up', () => {
  beforeEach(() => {
    observers.length = 0;
    vi.stubGlobal('IntersectionObserver', StubObserver);
    document.body.innerHTML = `<section data-scrolly="demo" data-step-count="3">
      <div data-scrolly-graphic><svg><g data-state="0"></g><g data-state="1"></g><g data-state="2"></g></svg></div>
      <div><div data-step="0"></div><div data-step="1"></div><div data-step="2"></div></div>
      <p data-scrolly-status></p><div data-scrolly-trigger></div></section>`;
  });
  afterEach(() => vi.unstubAllGlobals());

  it('measures nothing itself and takes the first state from the observer entries', async () => {
    const layoutReads = vi.spyOn(Element.prototype, 'getBoundingClientRect');
    const styleReads = vi.spyOn(window, 'getComputedStyle');
    const { startScrollies } = await import('../../src/components/scrolly/scrolly-runtime.ts');
    startScrollies();
    expect(layoutReads).not.toHaveBeenCalled();
    expect(styleReads).not.toHaveBeenCalled();
    const root = document.querySelector<HTMLElement>('[data-scrolly]')!;
    expect(root.dataset['scrollyLive']).toBeUndefined(); // nothing applied before the browser reports
    const io = observers[0]!;
    const [s0, s1, s2] = Array.from(root.querySelectorAll('[data-step]'));
    // Trigger line at 300 px; step 1's top crossed it 50 px ago (of 200).
    io.callback([
      { target: root.querySelector('[data-scrolly-trigger]')!, boundingClientRect: rect(300, 1), isIntersecting: true },
      { target: root, boundingClientRect: rect(-500, 3000), isIntersecting: true },
      { target: s0!, boundingClientRect: rect(-300, 200), isIntersecting: false },
      { target: s1!, boundingClientRect: rect(250, 200), isIntersecting: true },
      { target: s2!, boundingClientRect: rect(900, 200), isIntersecting: false },
    ]);
    expect(layoutReads).not.toHaveBeenCalled();
    expect(styleReads).not.toHaveBeenCalled();
    expect(root.dataset['scrollyLive']).toBe('');
    expect(root.dataset['activeStep']).toBe('1');
    expect(s1!.getAttribute('aria-current')).toBe('step');
    expect(currentStep('demo')).toMatchObject({ step: 1, count: 3, progress: 0.25 });
    // The steps are measured once: later geometry is read per frame while on screen.
    expect(io.targets).not.toContain(s0);
  });
});
