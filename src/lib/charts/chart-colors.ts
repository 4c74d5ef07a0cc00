// Chart colours, all checked against --paper (#fbfaf7). Text colours pass
// WCAG AA for small text (4.5:1); mark colours pass 3:1 for graphics. No
// chart encodes a category by hue alone: highlighted marks also get a label,
// a pattern, an outline or a position.
export const chartColors = {
  ink: '#1b1b1f', // 16.4:1
  muted: '#4a4a55', // 8.6:1: default marks and secondary text
  faint: '#8c8a84', // 3.3:1: non-text context only (grid, de-emphasised marks)
  accent: '#8a2d1c', // 7.9:1: highlighted marks
  accent2: '#1f5673', // 7.6:1: a second highlighted series
  paper: '#fbfaf7',
  rule: '#d9d4c7',
} as const;

/** Font family for chart text (the UI face of global.css). */
export const chartFont = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
