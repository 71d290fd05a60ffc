/** What every sidebar does with the page: find by id, make an element holding text (never HTML), say a status. */

export const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

export function status(text: string, error = false): void {
  const node = $('status');
  node.textContent = text;
  node.className = error ? 'status error' : 'status';
}
