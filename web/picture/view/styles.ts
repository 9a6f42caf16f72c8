// The picture's styles, scoped under .dsp and added to the document once. Colours are custom
// properties so a host page can theme it; `data-theme="dark"` on the root (or the system's
// dark preference with theme "auto") switches to the dark set.

export const CSS = `
.dsp {
  --dsp-bg: #f6f8fb; --dsp-panel: #ffffff; --dsp-ink: #17202e; --dsp-soft: #4a5567; --dsp-faint: #8893a5;
  --dsp-line: #c3ccd9; --dsp-host: #eef2f8; --dsp-accent: #f59e0b; --dsp-accent-ink: #8a4b00; --dsp-focus: #1d63ed;
  --dsp-client: #475569; --dsp-dockerd: #1d63ed; --dsp-containerd: #0f766e; --dsp-shim: #7c3aed; --dsp-runc: #c2410c; --dsp-registry: #0369a1;
  --dsp-created: #2563eb; --dsp-running: #16a34a; --dsp-paused: #b7791f; --dsp-restarting: #ea580c; --dsp-exited: #6b7280; --dsp-removing: #6b7280; --dsp-dead: #991b1b;
  --dsp-layer: #9fb3cf; --dsp-layer-edge: #6e86a8;
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, Ubuntu, sans-serif;
  color: var(--dsp-ink); background: var(--dsp-bg); border-radius: 12px; container-type: inline-size;
  display: flex; flex-direction: column; min-width: 0; box-sizing: border-box;
}
.dsp[data-theme="dark"] {
  --dsp-bg: #0f1420; --dsp-panel: #182030; --dsp-ink: #e7ecf5; --dsp-soft: #aab4c5; --dsp-faint: #7b8699;
  --dsp-line: #3a4558; --dsp-host: #141b29; --dsp-accent: #fbbf24; --dsp-accent-ink: #fde68a; --dsp-focus: #7aa7ff;
  --dsp-client: #94a3b8; --dsp-dockerd: #6d9bff; --dsp-containerd: #2dd4bf; --dsp-shim: #a78bfa; --dsp-runc: #fb923c; --dsp-registry: #38bdf8;
  --dsp-created: #60a5fa; --dsp-running: #4ade80; --dsp-paused: #facc15; --dsp-restarting: #fb923c; --dsp-exited: #9ca3af; --dsp-removing: #9ca3af; --dsp-dead: #f87171;
  --dsp-layer: #3b5274; --dsp-layer-edge: #6e86a8;
}
.dsp *, .dsp *::before, .dsp *::after { box-sizing: border-box; }
.dsp :focus-visible { outline: 3px solid var(--dsp-focus); outline-offset: 2px; }
.dsp-bar { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px; padding: 10px 14px; border-bottom: 1px solid var(--dsp-line); }
.dsp-now { flex: 1 1 260px; min-width: 0; }
.dsp-cmd { display: flex; align-items: baseline; gap: 10px; flex-wrap: wrap; }
.dsp-cmd-title { font: 600 15px/1.3 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
.dsp-pos { color: var(--dsp-soft); font-size: 13px; }
.dsp-mode { font-size: 12px; font-weight: 600; padding: 1px 8px; border-radius: 10px; background: var(--dsp-host); color: var(--dsp-soft); }
.dsp-mode.is-live { color: #fff; background: var(--dsp-running); }
.dsp-caption { margin-top: 4px; min-height: 1.4em; color: var(--dsp-ink); overflow-wrap: anywhere; }
.dsp-caption b { font-weight: 600; }
.dsp-caption .dsp-oci-note { color: var(--dsp-runc); font-weight: 600; }
.dsp-controls { display: flex; align-items: center; gap: 6px; flex-wrap: wrap; }
.dsp-btn { font: inherit; font-size: 13px; display: inline-flex; align-items: center; gap: 6px; min-height: 34px; min-width: 34px; padding: 4px 10px;
  border: 1px solid var(--dsp-line); border-radius: 8px; background: var(--dsp-panel); color: var(--dsp-ink); cursor: pointer; }
.dsp-btn:hover { border-color: var(--dsp-dockerd); }
.dsp-btn:disabled { opacity: .45; cursor: default; }
.dsp-btn svg { width: 14px; height: 14px; fill: currentColor; }
.dsp-btn[aria-pressed="true"] { background: var(--dsp-dockerd); color: #fff; border-color: var(--dsp-dockerd); }
.dsp-speed { display: inline-flex; align-items: center; gap: 6px; font-size: 13px; color: var(--dsp-soft); }
.dsp-speed select { font: inherit; font-size: 13px; min-height: 34px; border: 1px solid var(--dsp-line); border-radius: 8px; background: var(--dsp-panel); color: var(--dsp-ink); padding: 2px 6px; }
.dsp-body { display: flex; flex-direction: column; min-width: 0; }
.dsp-diagram { min-width: 0; overflow: hidden; }
.dsp-svg { display: block; width: 100%; height: auto; user-select: none; }
.dsp-side { display: flex; flex-direction: column; gap: 10px; padding: 0 14px 14px; min-width: 0; }
@container (min-width: 1100px) {
  .dsp-body { flex-direction: row; }
  .dsp-diagram { flex: 1 1 auto; }
  .dsp-side { flex: 0 0 340px; padding: 14px 14px 14px 0; }
}
@container (min-width: 1400px) {
  .dsp-side { flex-basis: 420px; }
}
.dsp-panel { background: var(--dsp-panel); border: 1px solid var(--dsp-line); border-radius: 10px; padding: 10px 12px; min-width: 0; }
.dsp-panel h3 { margin: 0 0 6px; font-size: 14px; display: flex; align-items: center; justify-content: space-between; gap: 8px; }
.dsp-panel p { margin: 4px 0 0; color: var(--dsp-soft); font-size: 13px; }
.dsp-steps summary { cursor: pointer; font-weight: 600; }
.dsp-steps ol { position: relative; list-style: none; margin: 6px 0 0; padding: 0; max-height: 280px; overflow: auto; }
.dsp-steps li button { all: unset; box-sizing: border-box; display: grid; grid-template-columns: 1.8em 1fr; gap: 2px 6px; width: 100%; padding: 4px 6px; border-radius: 6px; cursor: pointer; font-size: 12.5px; }
.dsp-steps li button:focus-visible { outline: 3px solid var(--dsp-focus); outline-offset: -1px; }
.dsp-steps li button:hover { background: var(--dsp-host); }
.dsp-steps li[aria-current="step"] button { background: color-mix(in srgb, var(--dsp-accent) 22%, transparent); }
.dsp-steps .dsp-n { color: var(--dsp-faint); text-align: right; }
.dsp-steps .dsp-route { font-weight: 600; }
.dsp-steps .dsp-what { grid-column: 2; color: var(--dsp-soft); overflow-wrap: anywhere; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 11.5px; }
.dsp-chart-svg { display: block; width: 100%; max-width: 560px; height: auto; margin: 0 auto; }
.dsp-close { min-height: 30px; padding: 2px 8px; }
.dsp-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

/* The diagram */
.dsp-svg text { fill: var(--dsp-ink); font-family: system-ui, -apple-system, "Segoe UI", Roboto, Ubuntu, sans-serif; }
.dsp-wire { stroke: var(--dsp-line); stroke-width: 2.5; }
.dsp-wire.is-hot { stroke: var(--dsp-accent); stroke-width: 3.5; }
.dsp-leader { stroke: var(--dsp-faint); stroke-width: 1; stroke-dasharray: 2 3; }
.dsp-api-name { font-weight: 700; font-size: 13px; fill: var(--dsp-dockerd) !important; }
.dsp-api-via { font-size: 11px; fill: var(--dsp-soft) !important; }
.dsp-box { fill: var(--dsp-panel); stroke: var(--dsp-line); stroke-width: 1.5; transition: stroke .15s, fill .15s; }
.dsp-name { font-weight: 700; font-size: 15px; }
.dsp-role { font-size: 12px; fill: var(--dsp-soft) !important; }
.dsp-part[data-part="client"] { --hue: var(--dsp-client); }
.dsp-part[data-part="dockerd"] { --hue: var(--dsp-dockerd); }
.dsp-part[data-part="containerd"] { --hue: var(--dsp-containerd); }
.dsp-part[data-part="shim"] { --hue: var(--dsp-shim); }
.dsp-part[data-part="runc"] { --hue: var(--dsp-runc); }
.dsp-part[data-part="registry"] { --hue: var(--dsp-registry); }
.dsp-stripe { fill: var(--hue); }
.dsp-part .dsp-name { fill: var(--hue); }
.dsp-part.is-from .dsp-box, .dsp-part.is-to .dsp-box { stroke: var(--hue); stroke-width: 3; fill: color-mix(in srgb, var(--hue) 9%, var(--dsp-panel)); }
.dsp-shimrow rect { fill: color-mix(in srgb, var(--dsp-shim) 10%, var(--dsp-panel)); stroke: color-mix(in srgb, var(--dsp-shim) 45%, transparent); }
.dsp-shimrow text { font-size: 11.5px; fill: var(--dsp-shim) !important; font-weight: 600; }
.dsp-shimrow.is-ghost rect { fill: none; stroke-dasharray: 3 3; }
.dsp-shimrow.is-ghost text { fill: var(--dsp-faint) !important; font-weight: 400; }
.dsp-shimrow.is-hot rect { stroke: var(--dsp-shim); stroke-width: 2.5; }
.dsp-hint { font-size: 11.5px; fill: var(--dsp-faint) !important; }
.dsp-legend-dot { fill: var(--dsp-accent); stroke: #fff; stroke-width: 2; }
.dsp-legend-note .dsp-hint { fill: var(--dsp-soft) !important; }
.dsp-oci-title { font-size: 12px; font-weight: 600; fill: var(--dsp-runc) !important; }
.dsp-oci-of { font-weight: 400; fill: var(--dsp-soft); }
.dsp-oci rect { fill: var(--dsp-panel); stroke: var(--dsp-line); }
.dsp-oci text { font-size: 11.5px; fill: var(--dsp-faint) !important; }
.dsp-oci.is-on rect { fill: var(--dsp-runc); stroke: var(--dsp-runc); }
.dsp-oci.is-on text { fill: #fff !important; font-weight: 700; }
.dsp-host { fill: var(--dsp-host); stroke: var(--dsp-line); stroke-dasharray: 5 4; }
.dsp-host-title { font-weight: 700; font-size: 13px; fill: var(--dsp-dockerd) !important; }
.dsp-section { font-weight: 700; font-size: 12.5px; fill: var(--dsp-soft) !important; letter-spacing: .02em; }
.dsp-card { cursor: pointer; outline: none; }
.dsp-card-box { fill: var(--dsp-panel); stroke: var(--dsp-line); stroke-width: 1.5; }
.dsp-card:hover .dsp-card-box { stroke: var(--dsp-dockerd); }
.dsp-card:focus-visible .dsp-card-box { stroke: var(--dsp-focus); stroke-width: 3.5; }
.dsp-card.is-selected .dsp-card-box { stroke: var(--dsp-dockerd); stroke-width: 3; }
.dsp-card.is-hot .dsp-card-box { stroke: var(--dsp-accent); stroke-width: 3; }
.dsp-card-name { font-weight: 700; font-size: 13px; }
.dsp-card-status { font-size: 12px; font-weight: 600; }
.dsp-card-image { font-size: 11px; fill: var(--dsp-soft) !important; }
.dsp-card[data-status="created"] { --st: var(--dsp-created); }
.dsp-card[data-status="running"] { --st: var(--dsp-running); }
.dsp-card[data-status="paused"] { --st: var(--dsp-paused); }
.dsp-card[data-status="restarting"] { --st: var(--dsp-restarting); }
.dsp-card[data-status="exited"] { --st: var(--dsp-exited); }
.dsp-card[data-status="removing"] { --st: var(--dsp-removing); }
.dsp-card[data-status="dead"] { --st: var(--dsp-dead); }
.dsp-dot { fill: var(--st); }
.dsp-card-status { fill: var(--st) !important; }
.dsp-card[data-status="running"] .dsp-dot { animation: dsp-beat 1.6s ease-in-out infinite; }
@keyframes dsp-beat { 50% { opacity: .35; } }
.dsp-layer { fill: var(--dsp-layer); stroke: var(--dsp-layer-edge); stroke-width: .8; }
.dsp-image.is-selected .dsp-tag { font-weight: 700; fill: var(--dsp-dockerd) !important; }
.dsp-tag { font-size: 11.5px; font-weight: 600; }
.dsp-size { font-size: 10.5px; fill: var(--dsp-soft) !important; }
.dsp-shared-bg { fill: var(--dsp-layer); }
.dsp-shared-line { stroke: var(--dsp-dockerd); stroke-width: 2.2; opacity: .55; }
.dsp-network rect, .dsp-volume rect { fill: var(--dsp-panel); stroke: var(--dsp-line); }
.dsp-network.is-selected rect, .dsp-volume.is-selected rect { stroke: var(--dsp-dockerd); stroke-width: 2; }
.dsp-network.is-hot rect { stroke: var(--dsp-accent); stroke-width: 2.5; }
.dsp-row-name { font-size: 12px; font-weight: 600; }
.dsp-row-detail { font-size: 11px; fill: var(--dsp-soft) !important; }
.dsp-row-detail.is-empty { fill: var(--dsp-faint) !important; }
.dsp-row-kind { font-size: 10.5px; font-weight: 400; fill: var(--dsp-faint); }
.dsp-layer.is-shared { stroke: var(--dsp-dockerd); stroke-width: 1.2; }
.dsp-arrowhead { fill: var(--dsp-accent); }
.dsp-trail { stroke: var(--dsp-accent); stroke-width: 3; stroke-dasharray: 6 5; opacity: 0; }
.dsp-ring { fill: none; stroke: var(--dsp-accent); stroke-width: 3; opacity: 0; }
.dsp-token { fill: var(--dsp-accent); stroke: #fff; stroke-width: 2.5; filter: drop-shadow(0 1px 3px rgba(0,0,0,.35)); opacity: 0; }
.dsp-bubble { opacity: 0; }
.dsp-bubble rect { fill: var(--dsp-ink); }
.dsp-bubble text { fill: var(--dsp-bg) !important; font: 600 11.5px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }

/* The statechart */
.dsp-chart-svg text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Ubuntu, sans-serif; }
.dsp-st rect { fill: var(--dsp-panel); stroke: var(--dsp-soft); stroke-width: 1.5; }
.dsp-st .dsp-st-inner { fill: none; stroke-width: 1; }
.dsp-st text { font-size: 13px; font-weight: 600; fill: var(--dsp-ink); }
.dsp-st.is-current rect { fill: var(--dsp-dockerd); stroke: var(--dsp-dockerd); }
.dsp-st.is-current .dsp-st-inner { stroke: #fff; }
.dsp-st.is-current text { fill: #fff; }
.dsp-st.is-current > rect:first-of-type { animation: dsp-glow 1.8s ease-in-out infinite; }
@keyframes dsp-glow { 50% { stroke-width: 5; stroke: color-mix(in srgb, var(--dsp-dockerd) 45%, transparent); } }
.dsp-tr-line { fill: none; stroke: var(--dsp-faint); stroke-width: 1.6; }
.dsp-tr-label { font-size: 11.5px; fill: var(--dsp-soft); paint-order: stroke; stroke: var(--dsp-panel); stroke-width: 4px; stroke-linejoin: round; }
.dsp-arrowhead-hot { fill: var(--dsp-accent); }
.dsp-chart { container-type: inline-size; }
@container (max-width: 430px) {
  .dsp-tr-label { display: none; }
  .dsp-st text { font-size: 19px; }
}
.dsp-next { margin: 6px 0 0; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: 4px 6px; font-size: 12.5px; }
.dsp-next li { padding: 2px 8px; border-radius: 10px; background: var(--dsp-host); border: 1px solid var(--dsp-line); }
.dsp-next b { font-weight: 600; }
.dsp-tr.is-taken .dsp-tr-line { stroke: var(--dsp-accent); stroke-width: 3; }
.dsp-tr.is-taken .dsp-tr-label { fill: var(--dsp-accent-ink); font-weight: 700; }
.dsp-chart-svg .dsp-arrowhead { fill: var(--dsp-faint); }
.dsp-start { fill: var(--dsp-ink); }
@media (prefers-reduced-motion: reduce) { .dsp * { animation: none !important; transition: none !important; } }
`;

let injected = false;

export function injectStyles(doc: Document): void {
  if (injected && doc.getElementById('dsp-styles')) return;
  if (doc.getElementById('dsp-styles')) return;
  const style = doc.createElement('style');
  style.id = 'dsp-styles';
  style.textContent = CSS;
  doc.head.appendChild(style);
  injected = true;
}
