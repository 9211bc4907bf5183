/** Tiny DOM helpers: elements are built from text and attributes; only comment bodies (sanitized on the server) arrive as HTML. */

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | undefined> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

export const one = <T extends Element = HTMLElement>(root: ParentNode, selector: string) => root.querySelector<T>(selector);
export const all = <T extends Element = HTMLElement>(root: ParentNode, selector: string) => [...root.querySelectorAll<T>(selector)];

export const plural = (n: number, word: string, words: string) => `${n.toLocaleString('en-US')} ${n === 1 ? word : words}`;

/** Moves the reader to something that just appeared (or stayed), and lets screen readers start there. */
export function focusOn(node: HTMLElement): void {
  if (!node.hasAttribute('tabindex') && !(node instanceof HTMLButtonElement || node instanceof HTMLTextAreaElement || node instanceof HTMLSelectElement || node instanceof HTMLInputElement)) node.tabIndex = -1;
  node.focus({ preventScroll: true });
  node.scrollIntoView({ block: 'nearest' });
}

/** A small button in a comment's action row. */
export const actionButton = (label: string, className: string, attrs: Record<string, string | undefined> = {}) => el('button', { type: 'button', class: `comment-action ${className}`, ...attrs }, label);

/**
 * A button at work: announced as busy and ignoring clicks, but not `disabled` (a disabled button
 * drops the keyboard focus). Returns false when it was busy already.
 */
export function busy(button: HTMLButtonElement, on: boolean): boolean {
  if (on && button.getAttribute('aria-busy') === 'true') return false;
  if (on) button.setAttribute('aria-busy', 'true');
  else button.removeAttribute('aria-busy');
  return true;
}
