/**
 * True while a modal, menu or listbox is open: keys and focus then belong to it, not to the
 * page. Some components keep a hidden listbox mounted, so only visible ones count.
 */
export function overlayOpen(): boolean {
  for (const el of document.querySelectorAll('[role="dialog"], [role="menu"], [role="listbox"]')) {
    if (el.getClientRects().length > 0) return true;
  }
  return false;
}

/** An element the user types into. */
export function isEditable(el: Element | null): boolean {
  if (!el) return false;
  if (el instanceof HTMLElement && el.isContentEditable) return true;
  return el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT';
}
