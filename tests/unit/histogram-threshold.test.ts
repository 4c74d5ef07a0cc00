// @vitest-environment happy-dom
// The threshold island on SYNTHETIC bins: keyboard moves, counts, ARIA, and
// following a scrolly's steps through the bridge.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/svelte';
import Threshold from '../../src/components/charts/Histogram.Threshold.svelte';
import { histogramFrame } from '../../src/lib/charts/histogram.ts';
import { packBins } from '../../src/lib/charts/bins.ts';
import { publishStep } from '../../src/lib/scrolly/bridge.ts';
import { publishMotion } from '../../src/lib/scrolly/motion-bridge.ts';
import { syntheticBins } from '../fixtures/charts.ts';

const props = {
  id: 't',
  ...packBins(syntheticBins),
  frame: histogramFrame(syntheticBins),
  initial: 5,
  keep: 'above' as const,
  unit: 'items',
  measure: 'score',
  digits: 2,
  scale: 'linear' as const,
};

const count = (el: HTMLElement, side: 'kept' | 'removed') => el.querySelector(`[data-count="${side}"]`)!.textContent;

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
});

describe('Histogram threshold island', () => {
  it('shows exact counts at the initial edge and exposes a slider', () => {
    const { container, getByRole } = render(Threshold, props);
    const slider = getByRole('slider');
    expect(slider.getAttribute('aria-valuenow')).toBe('0.25');
    expect(slider.getAttribute('aria-valuemin')).toBe('0');
    expect(slider.getAttribute('aria-valuemax')).toBe('0.5');
    expect(slider.getAttribute('aria-valuetext')).toBe('0.25: 44 items kept (35%), 80 removed (65%)');
    expect(count(container, 'kept')).toBe('44');
    expect(count(container, 'removed')).toBe('80');
  });

  it('moves with arrow keys, PageUp/PageDown, Home and End, clamped to the edges', async () => {
    const { container, getByRole } = render(Threshold, props);
    const slider = getByRole('slider');
    await fireEvent.keyDown(slider, { key: 'ArrowRight' });
    expect(slider.getAttribute('aria-valuenow')).toBe('0.3');
    expect(count(container, 'kept')).toBe('22');
    expect(slider.getAttribute('aria-valuetext')).toBe('0.30: 22 items kept (18%), 102 removed (82%)');
    await fireEvent.keyDown(slider, { key: 'ArrowLeft' });
    await fireEvent.keyDown(slider, { key: 'ArrowDown' });
    expect(slider.getAttribute('aria-valuenow')).toBe('0.2');
    await fireEvent.keyDown(slider, { key: 'Home' });
    expect(count(container, 'kept')).toBe('124');
    expect(count(container, 'removed')).toBe('0');
    await fireEvent.keyDown(slider, { key: 'ArrowLeft' });
    expect(slider.getAttribute('aria-valuenow')).toBe('0');
    await fireEvent.keyDown(slider, { key: 'PageUp' });
    expect(slider.getAttribute('aria-valuenow')).toBe('0.05');
    await fireEvent.keyDown(slider, { key: 'End' });
    expect(count(container, 'kept')).toBe('0');
    expect(count(container, 'removed')).toBe('124');
  });

  it('keeps the side below when keep="below"', () => {
    const { container } = render(Threshold, { ...props, keep: 'below' });
    expect(count(container, 'kept')).toBe('80');
    expect(count(container, 'removed')).toBe('44');
  });

  it('follows the scrolly it sits in, step by step', async () => {
    const host = document.createElement('div');
    host.setAttribute('data-scrolly', 'demo');
    document.body.append(host);
    const { getByRole } = render(Threshold, { target: host, props: { ...props, steps: [2, 6, 7] } });
    publishStep({ id: 'demo', step: 1, count: 3, progress: 0, direction: 'down' });
    await Promise.resolve();
    expect(getByRole('slider').getAttribute('aria-valuenow')).toBe('0.3');
    publishStep({ id: 'demo', step: 9, count: 3, progress: 0, direction: 'down' });
    await Promise.resolve();
    expect(getByRole('slider').getAttribute('aria-valuenow')).toBe('0.35');
  });

  it('glides its line toward the next step while scrubbed, keeping the exact counts', async () => {
    const host = document.createElement('div');
    host.setAttribute('data-scrolly', 'glide');
    document.body.append(host);
    const { container, getByRole } = render(Threshold, { target: host, props: { ...props, steps: [2, 6] } });
    publishStep({ id: 'glide', step: 0, count: 2, progress: 1, direction: 'down' });
    await Promise.resolve();
    const lineX = () => Number(container.querySelector('.threshold-overlay svg > line')!.getAttribute('x1'));
    const kept = count(container, 'kept');
    const x0 = lineX();
    publishMotion({ id: 'glide', step: 0, t: 0.5 });
    await Promise.resolve();
    const mid = lineX();
    publishMotion({ id: 'glide', step: 0, t: 1 });
    await Promise.resolve();
    const x1 = lineX();
    expect(x1).toBeGreaterThan(x0);
    expect(mid).toBeGreaterThan(x0);
    expect(mid).toBeLessThan(x1);
    // The slider and the counts stay at step 0's exact threshold.
    expect(getByRole('slider').getAttribute('aria-valuenow')).toBe('0.1');
    expect(count(container, 'kept')).toBe(kept);
    publishMotion({ id: 'glide', step: 0, t: 0 });
    await Promise.resolve();
    expect(lineX()).toBe(x0);
  });
});
