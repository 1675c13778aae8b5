/**
 * Registers an element once. A host page may load the widget script twice (two URLs, or a
 * tag manager plus a template); a second `define` of the same name would throw and break the page.
 */
export function define(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
