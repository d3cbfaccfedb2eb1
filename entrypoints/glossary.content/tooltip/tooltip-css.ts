// The tooltip's own styles, adopted into its shadow root. Sizes in px only: the page owns the
// root font size, and rem would let it shrink or blow up the tooltip.
export const TOOLTIP_CSS = `
:host { all: initial; }
.mount, .visually-hidden { all: initial; }
.visually-hidden {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;
  overflow: hidden; clip-path: inset(50%); white-space: nowrap;
}
.tooltip {
  --bg: #fffdf8; --fg: #1d232a; --muted: #56606a; --line: #e3dac8; --accent: #0f4c5c;
  --accent-fg: #ffffff; --soft: #f4efe3; --mark: rgba(255, 190, 40, 0.35);
  position: fixed; top: 0; left: 0; box-sizing: border-box; z-index: 1;
  width: max-content; max-width: min(400px, calc(100vw - 16px));
  max-height: calc(100vh - 16px); overflow: auto; overscroll-behavior: contain;
  padding: 14px 16px 12px; border: 1px solid var(--line); border-radius: 12px;
  background: var(--bg); color: var(--fg);
  box-shadow: 0 12px 32px rgba(15, 30, 40, 0.22), 0 2px 6px rgba(15, 30, 40, 0.12);
  font: 400 14px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif;
  text-align: left; direction: ltr; letter-spacing: normal; word-spacing: normal;
  text-transform: none; text-indent: 0; white-space: normal; pointer-events: auto;
  -webkit-font-smoothing: antialiased; color-scheme: light;
}
@media (prefers-color-scheme: dark) {
  .tooltip {
    --bg: #1e2428; --fg: #eef2f3; --muted: #a9b4ba; --line: #3a444a; --accent: #7cc4d6;
    --accent-fg: #0d1b20; --soft: #283036; --mark: rgba(255, 190, 40, 0.28); color-scheme: dark;
  }
}
:where(.tooltip *) { box-sizing: border-box; font: inherit; color: inherit; margin: 0; padding: 0; }
.head { display: flex; align-items: flex-start; gap: 10px; margin-bottom: 8px; padding-right: 2px; }
.titles { flex: 1 1 auto; min-width: 0; }
.label { font-size: 17px; font-weight: 700; line-height: 1.25; letter-spacing: 0.2px; }
.label span { background: var(--mark); border-radius: 3px; padding: 0 3px; margin-left: -3px; }
.expansion { display: block; margin-top: 2px; font-size: 13px; color: var(--muted); }
.close {
  flex: none; width: 28px; height: 28px; margin: -4px -6px 0 0; border: 0; border-radius: 8px;
  background: transparent; color: var(--muted); font-size: 20px; line-height: 28px;
  text-align: center; cursor: pointer;
}
.close:hover { background: var(--soft); color: var(--fg); }
.definition { font-size: 14px; line-height: 1.55; }
.note { margin-top: 4px; font-size: 12px; color: var(--muted); font-style: italic; }
.section-title {
  margin: 12px 0 6px; font-size: 11px; font-weight: 700; letter-spacing: 0.6px;
  text-transform: uppercase; color: var(--muted);
}
table { width: 100%; border-collapse: collapse; font-size: 12.5px; line-height: 1.4; }
th, td { padding: 5px 6px; border-top: 1px solid var(--line); vertical-align: top; text-align: left; }
thead th { border-top: 0; font-weight: 700; color: var(--muted); font-size: 11.5px; }
tbody th { font-weight: 600; color: var(--muted); width: 32%; }
td.current { background: var(--soft); font-weight: 600; }
.related { display: flex; flex-wrap: wrap; gap: 6px; }
.chip {
  border: 1px solid var(--line); border-radius: 999px; padding: 3px 10px; background: var(--soft);
  font-size: 12.5px; font-weight: 600; cursor: pointer; color: var(--fg);
}
.chip:hover { border-color: var(--accent); }
.foot {
  display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 8px;
  margin-top: 12px; padding-top: 10px; border-top: 1px solid var(--line);
}
.source { font-size: 12px; color: var(--muted); }
.source cite { font-style: italic; color: var(--fg); }
.chart-toggle {
  border: 0; border-radius: 8px; padding: 6px 10px; background: var(--accent); color: var(--accent-fg);
  font-size: 12.5px; font-weight: 600; cursor: pointer;
}
.chart { margin-top: 10px; max-height: 300px; overflow: auto; border: 1px solid var(--line); border-radius: 8px; }
.chart table th, .chart table td { border-top: 1px solid var(--line); }
.chart caption { caption-side: top; padding: 6px; font-weight: 700; text-align: left; font-size: 12.5px; }
button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
`;
