// Suggestions learned from corrections: "N more passages look like these" after a move, an
// exclusion or a pinned example, "More like this" on a passage, and a theme's misfits.
import type { ExclusionReason } from '../../../schemas/review.js';
import type { PassageView, ThemeView } from '../views.js';
import { button } from './dom.js';
import { store } from './store.js';
import {
  close,
  goToPanel,
  MAX_LIKE,
  misfitsOf,
  type Offer,
  open,
  panelOpen,
} from './suggestion-offer.js';
import {
  type Destination,
  destinationText,
  themeNameOf,
  thePassages,
  verb,
} from './suggestion-words.js';

export { suggestionsPanel } from './suggestion-offer.js';

/** After a move: offers the passages that look like the moved ones. Passes `ok` through. */
export function afterMove(ids: readonly string[], to: ThemeView | 'other') {
  const dest: Destination = to === 'other' ? { other: true } : { theme: to.id };
  return offerIf(
    [...ids],
    dest,
    `Like ${thePassages(ids.length)} you moved ${destinationText(dest)}.`,
  );
}

/** After an exclusion: offers the passages that look like the excluded ones. */
export function afterExclude(ids: readonly string[], reason: ExclusionReason) {
  const dest = { excluded: reason };
  return offerIf(
    [...ids],
    dest,
    `Like ${thePassages(ids.length)} you excluded ${destinationText(dest)}.`,
  );
}

/** After "Pin as example": offers the passages elsewhere that look like the example. */
export function afterPin(theme: ThemeView, passage: PassageView, as: string, pinned: boolean) {
  const like = as === 'example' && pinned ? [passage.id] : [];
  return offerIf(
    like,
    { theme: theme.id },
    `Like the example you pinned in “${themeNameOf(theme.id)}”.`,
  );
}

function offerIf(like: string[], to: Destination, why: string) {
  return (ok: boolean): boolean => {
    if (ok && like.length > 0)
      void open({ kind: 'like', like: like.slice(0, MAX_LIKE), to, why }, { quiet: true });
    return ok;
  };
}

/** "More like this" on a passage row: passages like it, to move to the theme shown. */
export function moreLikeThisButton(passage: PassageView): HTMLButtonElement {
  const { view } = store;
  const to: Destination = passage.excluded
    ? { excluded: passage.excluded.reason }
    : view.kind === 'theme'
      ? { theme: view.id }
      : { other: true };
  const text = passage.text.length > 90 ? `${passage.text.slice(0, 89)}…` : passage.text;
  const why = `Like “${text}”${/[.!?…]$/.test(text) ? '' : '.'}`;
  const offer: Offer = { kind: 'like', like: [passage.id], to, why };
  return button('More like this', () => void open(offer, { focus: true }), {
    className: 'more-like',
    title: `Passages that look like this one, to ${verb(to).toLowerCase()} ${destinationText(to)} (L)`,
    'aria-keyshortcuts': 'L',
    'aria-controls': 'suggestions',
  });
}

/** The theme header's button listing its passages that may fit another theme better. */
export function misfitsButton(theme: ThemeView): HTMLButtonElement {
  return button(
    'May fit another theme…',
    () => void open({ kind: 'misfits', theme: theme.id }, { focus: true }),
    {
      title: 'Passages of this theme that may fit another theme better',
      'aria-controls': 'suggestions',
      'aria-expanded': String(misfitsOf() === theme.id),
      'data-misfits': theme.id,
    },
  );
}

/**
 * The page's keys for suggestions, outside the panel: `s` goes to the open panel, `l` asks for
 * passages like the focused one, Escape closes the panel. Returns whether the key was one.
 */
export function suggestionKey(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement;
  if (event.key === 's' && panelOpen()) goToPanel(target);
  else if (event.key === 'l') {
    const more = target.closest('li.passage')?.querySelector<HTMLButtonElement>('.more-like');
    if (!more) return false;
    more.click();
  } else if (event.key === 'Escape' && panelOpen()) close();
  else return false;
  event.preventDefault();
  return true;
}
