/** Tiny DOM helpers: elements are built with text nodes and attributes only, never from HTML strings. */

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, children: (Node | string)[] = []): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T | null {
  return document.getElementById(id) as T | null;
}

export function must<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = byId<T>(id);
  if (!node) throw new Error(`the editor page has no #${id}`);
  return node;
}

/** "12:03" in the reader's own clock. */
export function clockTime(date: Date): string {
  return date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}
