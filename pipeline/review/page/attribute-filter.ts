// The attribute filter: one labelled list per respondent attribute (Country: All / Kenya / ...).
import type { AttributeView } from '../views.js';
import { formatCount, h, replace } from './dom.js';
import { filterBy, store } from './store.js';

/** The attributes the bar was last drawn for, so that a new state does not redraw it needlessly. */
let drawnFor = '';

/**
 * Draws the filter bar for the state's attributes into `bar`, hidden when there are none; kept
 * as it is while they are unchanged (a redraw would take the focus from a list in use).
 */
export function renderAttributeFilter(bar: HTMLElement): void {
  const attributes = store.state?.attributes ?? [];
  const key = JSON.stringify(attributes);
  if (key === drawnFor) return;
  drawnFor = key;
  bar.hidden = attributes.length === 0;
  replace(
    bar,
    attributes.length > 0 && h('span', { className: 'filters-title' }, 'Respondents'),
    attributes.map((attribute, i) => attributeSelect(attribute, `filter-${i}`)),
  );
}

function attributeSelect(attribute: AttributeView, id: string): HTMLElement {
  const chosen = store.where[attribute.name] ?? '';
  const select = h(
    'select',
    { id, className: 'attribute-filter', 'data-attribute': attribute.name },
    h('option', { value: '' }, 'All'),
    attribute.values.map(({ value, passages }) =>
      h('option', { value }, `${value} (${formatCount(passages)})`),
    ),
  );
  select.value = chosen;
  select.addEventListener('change', () => filterBy(attribute.name, select.value || null));
  return h('span', { className: 'filter' }, h('label', { for: id }, attribute.name), select);
}
