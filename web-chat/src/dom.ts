// Tiny DOM helpers. Text always goes in as text nodes (never innerHTML), so nothing a model or a
// campaign name says can become markup or script.

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | ((event: Event) => void)>;

/** Creates an element: h('button', { type: 'button', onclick: fn }, 'Copy'). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(name.replace(/^on/, ''), value);
    else if (name === 'class') el.className = String(value);
    else if (name.startsWith('data-')) el.dataset[name.slice(5).replace(/-(\w)/g, (_, c: string) => c.toUpperCase())] = String(value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  el.append(...children.filter((c): c is Node | string | number => c !== null && c !== undefined && c !== false).map((c) => (typeof c === 'number' ? String(c) : c)));
  return el;
}

/** The element with this id; a missing one is a bug in index.html. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`index.html has no #${id}`);
  return el as T;
}

export function show(el: HTMLElement, visible: boolean): void {
  el.hidden = !visible;
}

/** Shows an error message in a role=alert element (or hides it when null). */
export function setError(el: HTMLElement, message: string | null): void {
  el.textContent = message ?? '';
  el.hidden = !message;
}

let toastTimer: ReturnType<typeof setTimeout> | undefined;
/** A short confirmation read out by screen readers ("Copied"). */
export function toast(message: string): void {
  const el = byId('toast');
  el.textContent = message;
  el.classList.add('visible');
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => el.classList.remove('visible'), 2500);
}

/** Copies text to the clipboard, falling back to selecting it where the clipboard API is refused. */
export async function copyText(text: string, fallback: HTMLElement): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    toast('Copied to the clipboard');
  } catch {
    const range = document.createRange();
    range.selectNodeContents(fallback);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
    toast('Selected: press Ctrl+C (or ⌘C) to copy');
  }
}
