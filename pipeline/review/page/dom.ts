// Builds DOM nodes. Text is always inserted as text nodes, never parsed as HTML.

/** A child: a node, text (inserted as a text node), a list of children, or nothing. */
export type Child = Node | string | number | null | undefined | false | readonly Child[];

/** Element properties: attributes (strings), `className`, and `on` event handlers. */
export interface Props {
  className?: string;
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
  [attribute: string]: unknown;
}

/** Creates an element with attributes, handlers and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props | null = null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (name === 'on') {
      for (const [event, handler] of Object.entries(value as object))
        element.addEventListener(event, handler as EventListener);
    } else if (name === 'className') {
      element.className = value as string;
    } else if (value === true) {
      element.setAttribute(name, '');
    } else if (value !== false && value !== null && value !== undefined) {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

/** Appends children; strings and numbers become text nodes, lists are flattened. */
export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (child instanceof Node) parent.appendChild(child);
    else parent.appendChild(document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** A button with a label and a click handler. */
export function button(label: Child, onClick: () => void, props: Props = {}): HTMLButtonElement {
  return h('button', { type: 'button', ...props, on: { click: onClick } }, label);
}

/** "1,234" */
export function formatCount(n: number): string {
  return n.toLocaleString('en');
}

/** "1 passage", "3 passages" */
export function plural(n: number, word: string): string {
  return `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;
}
