// On narrow screens the lesson text and the picture share the space above the terminal: two
// tabs switch between them (the terminal stays on screen). On wide screens the tabs are hidden
// by the style sheet and both panes show. Keyboard: arrows and Home/End move between the tabs.

/** Below this width the lesson and the picture are tabs (keep in step with site.css). */
export const NARROW = '(max-width: 959px)';

export function setupTabs(layout: HTMLElement, onShow?: (pane: 'lesson' | 'picture') => void): (pane: 'lesson' | 'picture') => void {
  const tabs = [...layout.querySelectorAll<HTMLButtonElement>('.pane-tabs [role="tab"]')];
  const panels = tabs.map((t) => layout.ownerDocument.getElementById(t.getAttribute('aria-controls') ?? ''));
  const select = (i: number, focus = false) => {
    tabs.forEach((t, k) => {
      const on = k === i;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      panels[k]?.setAttribute('data-shown', String(on));
    });
    const pane = i === 0 ? 'lesson' : 'picture';
    layout.dataset.pane = pane;
    if (focus) tabs[i]!.focus();
    onShow?.(pane);
  };
  // tab panels only while the tabs are in use (the style sheet shows them below NARROW)
  const mq = window.matchMedia(NARROW);
  const roles = () => {
    panels.forEach((p, k) => {
      if (!p) return;
      if (mq.matches) {
        p.setAttribute('role', 'tabpanel');
        p.setAttribute('aria-labelledby', tabs[k]!.id);
      } else {
        p.removeAttribute('role');
        if (p.id !== 'lesson-text') p.removeAttribute('aria-labelledby');
        else p.setAttribute('aria-labelledby', 'lesson-title');
      }
    });
  };
  roles();
  mq.addEventListener?.('change', roles);
  tabs.forEach((t, i) => {
    t.addEventListener('click', () => select(i));
    t.addEventListener('keydown', (e) => {
      const last = tabs.length - 1;
      const to = e.key === 'ArrowRight' ? (i + 1) % tabs.length : e.key === 'ArrowLeft' ? (i + last) % tabs.length : e.key === 'Home' ? 0 : e.key === 'End' ? last : -1;
      if (to < 0) return;
      e.preventDefault();
      select(to, true);
    });
  });
  select(0);
  return (pane) => select(pane === 'lesson' ? 0 : 1);
}
