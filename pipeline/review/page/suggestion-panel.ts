// The suggestions panel's content: passages ticked by default, one accept button, keys.
import { button, h, replace } from './dom.js';

/** One suggested passage as the panel lists it. */
export interface PanelItem {
  id: string;
  text: string;
  /** Where it is now, how alike, and (for a misfit) where it fits better. */
  meta: string;
  /** A button acting on this passage alone (a misfit's "Move to …"). */
  single?: { label: string; run: () => void };
}

/** What the panel shows and what its buttons do. */
export interface PanelModel {
  title: string;
  /** What the passages are like, in one sentence. */
  why: string;
  /** What the last accept did, or null. */
  note: string | null;
  items: PanelItem[];
  /** Passages left unticked (all others are ticked). */
  unticked: ReadonlySet<string>;
  /** The accept button's label when the passages `ticked` (of `all`) are ticked. */
  acceptLabel: (ticked: readonly string[], all: number) => string;
  accept: (ids: string[]) => void;
  dismiss: () => void;
  /** Called with each passage ticked or unticked. */
  toggle: (id: string, ticked: boolean) => void;
}

let drawn = 0;

/** Draws `model` into `body`; keys are handled by `panelKey`. */
export function drawPanel(body: HTMLElement, model: PanelModel): void {
  const prefix = `suggestion-${++drawn}`;
  const accept = button('', () => model.accept(tickedIds(body)), {
    className: 'primary accept',
    'aria-keyshortcuts': 'Enter A',
  });
  const dismiss = button('Dismiss (Esc)', model.dismiss, {
    className: 'quiet dismiss',
    'aria-keyshortcuts': 'Escape',
  });
  const count = () => {
    const ticked = tickedIds(body);
    accept.textContent = model.acceptLabel(ticked, model.items.length);
    accept.disabled = ticked.length === 0;
  };
  replace(
    body,
    h(
      'div',
      { className: 'suggestions-head' },
      h('h2', { id: `${prefix}-title` }, model.title),
      model.items.length > 0 && accept,
      dismiss,
    ),
    model.note && h('p', { className: 'suggestions-note' }, model.note),
    h('p', { className: 'suggestions-why' }, model.why),
    model.items.length > 0 &&
      h(
        'ol',
        { className: 'suggestion-list', 'aria-labelledby': `${prefix}-title` },
        model.items.map((item, i) => row(item, `${prefix}-${i}`, model, count)),
      ),
    model.items.length > 0 &&
      h(
        'p',
        { className: 'suggestions-keys' },
        'Keys: S comes here from the list · ↑ ↓ · Space unticks · Enter or A accepts · Esc dismisses',
      ),
  );
  count();
}

function row(item: PanelItem, id: string, model: PanelModel, count: () => void): HTMLElement {
  const box = h('input', { type: 'checkbox', id, 'aria-describedby': `${id}-meta` });
  box.checked = !model.unticked.has(item.id);
  box.addEventListener('change', () => {
    model.toggle(item.id, box.checked);
    box.closest('li')?.classList.toggle('unticked', !box.checked);
    count();
  });
  return h(
    'li',
    { className: `suggestion${box.checked ? '' : ' unticked'}`, 'data-id': item.id },
    box,
    h(
      'div',
      { className: 'suggestion-body' },
      h('label', { for: id, className: 'text' }, item.text),
      h(
        'p',
        { className: 'meta', id: `${id}-meta` },
        item.meta,
        item.single && button(item.single.label, item.single.run, { className: 'link single' }),
      ),
    ),
  );
}

function tickedIds(body: HTMLElement): string[] {
  return [...body.querySelectorAll<HTMLInputElement>('li.suggestion input:checked')].map(
    (box) => box.closest<HTMLElement>('li')?.dataset.id ?? '',
  );
}

/**
 * Keys inside the panel: Enter (off a button) or `a` accepts the ticked passages, Escape
 * dismisses, the arrows go from passage to passage (space ticks, as a checkbox does). Returns
 * whether the key was the panel's.
 */
export function panelKey(body: HTMLElement, event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  const target = event.target as HTMLElement;
  if (event.key === 'Escape') body.querySelector<HTMLButtonElement>('button.dismiss')?.click();
  else if (event.key === 'a' || (event.key === 'Enter' && !target.closest('button, a')))
    body.querySelector<HTMLButtonElement>('button.accept:not(:disabled)')?.click();
  else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    const boxes = [...body.querySelectorAll<HTMLInputElement>('li.suggestion input')];
    const box = target.closest('li.suggestion')?.querySelector<HTMLInputElement>('input');
    const at = box ? boxes.indexOf(box) : -1;
    const next = event.key === 'ArrowDown' ? boxes[at + 1] : boxes[Math.max(0, at - 1)];
    next?.focus();
  } else return false;
  return true;
}

/** Focuses the first passage of the panel, else its first button. */
export function focusPanel(body: HTMLElement): void {
  const first =
    body.querySelector<HTMLElement>('li.suggestion input') ??
    body.querySelector<HTMLElement>('button:not(:disabled)');
  first?.focus();
}
