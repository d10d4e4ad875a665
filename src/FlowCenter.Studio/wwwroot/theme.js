// The chosen theme, kept in the browser (light or dark) so every page and a reload show it.
const key = 'flowcenter.theme';

export function get() {
  try { return localStorage.getItem(key); } catch { return null; }
}

export function set(theme) {
  try { localStorage.setItem(key, theme); } catch { /* storage switched off: this page only */ }
}
