// The suggestions panel's life: what it offers, asking the API, accepting, closing.
import type { SuggestionTarget } from '../../../schemas/suggestions.js';
import type { MisfitView, SuggestionView } from '../views.js';
import { getJson, postJson, query } from './api.js';
import { h, plural } from './dom.js';
import { decide, notify, store, subscribe, themeById } from './store.js';
import { actionsFor, misfitMoves } from './suggestion-decisions.js';
import {
  drawPanel,
  focusPanel,
  type PanelItem,
  type PanelModel,
  panelKey,
} from './suggestion-panel.js';
import {
  alike,
  capital,
  type Destination,
  destinationText,
  howMany,
  lookAlikeTitle,
  placeText,
  themeNameOf,
  thePassages,
  undoHint,
  verb,
} from './suggestion-words.js';

/** Suggestions asked for at a time: a screenful to check; each accept brings the next round. */
const LIMIT = 20;

/** Most passages a suggestion request starts from (the API's limit). */
export const MAX_LIKE = 200;

/** What the panel offers: passages like some passages, or a theme's misfits. */
export type Offer =
  | { kind: 'like'; like: string[]; to: Destination; why: string }
  | { kind: 'misfits'; theme: string };

const body = h('div', { className: 'suggestions-body' });
const status = h('p', { className: 'sr-only', role: 'status' });
const section = h(
  'section',
  { className: 'suggestions', id: 'suggestions', 'aria-label': 'Suggested passages', hidden: true },
  body,
);
// The selection bar sticks just under the open panel (style.css).
new ResizeObserver(() =>
  section.parentElement?.style.setProperty('--suggestions-height', `${section.offsetHeight}px`),
).observe(section);
section.addEventListener('keydown', (event) => {
  if (!panelKey(body, event)) return;
  event.preventDefault();
  event.stopPropagation();
});

let shown: { offer: Offer; items: SuggestionView[]; unticked: Set<string> } | null = null;
let ticket = 0;
/** Where the focus goes back to when the panel closes. */
let returnTo: Element | null = null;

/** The panel's elements, for the page's layout (placed above the passage list). */
export function suggestionsPanel(): HTMLElement[] {
  return [status, section];
}

/** Whether the panel is open. */
export function panelOpen(): boolean {
  return !section.hidden;
}

/** Puts the focus in the open panel; Escape gives it back to `from`. */
export function goToPanel(from: Element): void {
  returnTo = from;
  focusPanel(body);
}

/** The theme whose misfits the panel shows, if it does. */
export function misfitsOf(): string | null {
  return shown?.offer.kind === 'misfits' ? shown.offer.theme : null;
}

/** Each misfits button says whether the panel shows its theme's misfits. */
function markExpanded(): void {
  for (const misfits of document.querySelectorAll<HTMLElement>('button[data-misfits]'))
    misfits.setAttribute('aria-expanded', String(misfits.dataset.misfits === misfitsOf()));
}

// Every decision may move suggested passages: the panel asks again. A theme's misfits close
// when another list is shown.
subscribe((change) => {
  const offer = shown?.offer;
  if (!offer) return;
  if (change === 'state') void open(offer, { again: true });
  else if (change === 'view' && offer.kind === 'misfits') {
    const { view } = store;
    if (view.kind !== 'theme' || view.id !== offer.theme) close();
  }
});

interface OpenOptions {
  /** Asked for by the user: the panel says it is looking, then takes the focus. */
  focus?: boolean;
  /** Offered after a decision: nothing shows when nothing looks alike. */
  quiet?: boolean;
  /** What the last accept did. */
  note?: string;
  /** Passages the user unticked in an earlier round: they stay unticked. */
  unticked?: Set<string>;
  /** Asked again after a decision: a failure (a passage gone after a rebuild) closes quietly. */
  again?: boolean;
}

/** Asks for the offer's passages and shows them; a later call wins over an earlier one. */
export async function open(offer: Offer, options: OpenOptions): Promise<void> {
  const mine = ++ticket;
  const target = 'to' in offer && 'theme' in offer.to ? offer.to.theme : null;
  const theme = offer.kind === 'misfits' ? offer.theme : target;
  if (theme !== null && !themeById(theme)) return close();
  if (options.focus) {
    if (!section.contains(document.activeElement)) returnTo = document.activeElement;
    section.hidden = false;
    body.replaceChildren(h('p', { className: 'suggestions-why' }, 'Looking for passages…'));
  }
  let items: SuggestionView[];
  try {
    items = await fetchItems(offer);
  } catch (error) {
    if (mine !== ticket) return;
    if (!options.again) notify((error as Error).message, 'error');
    return close();
  }
  if (mine !== ticket) return;
  if (options.quiet && items.length === 0) return close();
  const same = shown && sameOffer(shown.offer, offer) ? shown.unticked : undefined;
  const keep = options.unticked ?? same ?? new Set<string>();
  const focused = options.focus || section.contains(document.activeElement);
  shown = { offer, items, unticked: keep };
  section.hidden = false;
  const model =
    offer.kind === 'like' ? likeModel(offer, items) : misfitModel(offer, items as MisfitView[]);
  drawPanel(body, { ...model, note: options.note ?? null });
  status.textContent = `${model.title}.${focused ? '' : ' Press S to review them.'}`;
  markExpanded();
  if (focused) focusPanel(body);
}

function fetchItems(offer: Offer): Promise<SuggestionView[]> {
  if (offer.kind === 'misfits')
    return getJson<{ items: MisfitView[] }>(
      `/api/misfits?${query({ theme: offer.theme, limit: LIMIT })}`,
    ).then((answer) => answer.items);
  const { to } = offer;
  const target: SuggestionTarget =
    'theme' in to ? { theme: to.theme } : 'other' in to ? to : { excluded: true };
  return postJson<{ items: SuggestionView[] }>('/api/suggestions', {
    like: offer.like,
    target,
    limit: LIMIT,
  }).then((answer) => answer.items);
}

function sameOffer(a: Offer, b: Offer): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Closes the panel; the focus, if it was in it, goes back to where it came from. */
export function close(): void {
  ticket++;
  const hadFocus = section.contains(document.activeElement);
  shown = null;
  section.hidden = true;
  body.replaceChildren();
  status.textContent = '';
  markExpanded();
  if (!hadFocus) return;
  const back =
    returnTo?.isConnected && returnTo !== document.body
      ? returnTo
      : document.querySelector('li.passage');
  (back as HTMLElement | null)?.focus();
}

type Model = Omit<PanelModel, 'note'>;

function common(): Pick<Model, 'unticked' | 'dismiss' | 'toggle'> {
  const unticked = shown?.unticked ?? new Set<string>();
  return {
    unticked,
    dismiss: close,
    toggle: (id, ticked) => void (ticked ? unticked.delete(id) : unticked.add(id)),
  };
}

function likeModel(offer: Extract<Offer, { kind: 'like' }>, items: SuggestionView[]): Model {
  const where = destinationText(offer.to);
  const act = verb(offer.to);
  return {
    ...common(),
    title: lookAlikeTitle(items.length, offer.like.length),
    why: items.length > 0 ? `${offer.why} Best first: untick any that do not belong.` : offer.why,
    items: items.map((s) => ({ id: s.id, text: s.text, meta: `${placeText(s)} · ${alike(s)}` })),
    acceptLabel: (ticked, all) => `${act} ${howMany(ticked.length, all)} ${where} (Enter)`,
    accept: (ids) => void acceptLike(offer, ids),
  };
}

function misfitModel(offer: Extract<Offer, { kind: 'misfits' }>, items: MisfitView[]): Model {
  return {
    ...common(),
    title:
      items.length > 0
        ? `${plural(items.length, 'passage')} may fit another theme better`
        : 'No passage looks like it fits another theme better',
    why: `Passages of “${themeNameOf(offer.theme)}” that look more like another theme, best evidence first.`,
    items: items.map((m): PanelItem => {
      const better = themeNameOf(m.better.id, m.better.label);
      return {
        id: m.id,
        text: m.text,
        meta: `fits “${better}” better · ${alike(m)}`,
        single: { label: `Move to ${better}`, run: () => void acceptMisfits(offer, [m.id]) },
      };
    }),
    acceptLabel: (ticked, all) => {
      const chosen = new Set(ticked);
      const to = new Set(items.filter((m) => chosen.has(m.id)).map((m) => m.better.id));
      const [only] = to;
      const where = to.size === 1 && only ? `to “${themeNameOf(only)}”` : 'to their better themes';
      return `Move ${howMany(ticked.length, all)} ${where} (Enter)`;
    },
    accept: (ids) => void acceptMisfits(offer, ids),
  };
}

/** Takes the ticked passages as one decision (one exclusion each), then offers the next round. */
async function acceptLike(offer: Extract<Offer, { kind: 'like' }>, ids: string[]): Promise<void> {
  const { to } = offer;
  const actions = actionsFor(to, ids);
  if (!actions) return close();
  const focus = section.contains(document.activeElement);
  const unticked = shown?.unticked;
  if (!(await decide(actions))) return;
  const done = 'excluded' in to ? 'excluded' : 'moved';
  const where = destinationText(to);
  const why = `Like ${thePassages(ids.length)} just ${done} ${where}.`;
  const note = `${capital(done)} ${plural(ids.length, 'passage')} ${where} (${undoHint(actions.length)}).`;
  await open(
    { kind: 'like', like: ids.slice(0, MAX_LIKE), to, why },
    { focus, note, ...(unticked ? { unticked } : {}) },
  );
}

/** Moves each ticked misfit to its better theme: one move per theme, in one request. */
async function acceptMisfits(
  offer: Extract<Offer, { kind: 'misfits' }>,
  ids: string[],
): Promise<void> {
  const { actions, moved } = misfitMoves((shown?.items ?? []) as MisfitView[], ids);
  if (actions.length === 0) return;
  const focus = section.contains(document.activeElement);
  if (!(await decide(actions))) return;
  const themes = actions.length === 1 ? 'its better theme' : `${actions.length} better themes`;
  const note = `Moved ${plural(moved, 'passage')} to ${themes} (${undoHint(actions.length)}).`;
  await open(offer, { focus, note });
}
