// The reviewer's name when the app was started without `--reviewer`: asked once per browser.
import type { StateView } from '../views.js';
import { askText } from './dialogs.js';
import { button } from './dom.js';
import { browserReviewer, nameAsked, setBrowserReviewer } from './identity.js';

/** The top bar's small name button: shows the name, and changes it when clicked. */
export const reviewerButton = button('', () => void askName(), {
  className: 'reviewer quiet',
  title: 'Your name, recorded with each decision this browser sends',
  hidden: true,
});

/** Shows the browser's name, or hides the button when the app has its own name. */
export function drawReviewer(state: StateView): void {
  reviewerButton.hidden = state.reviewer !== null;
  showName();
}

function showName(): void {
  const current = browserReviewer();
  reviewerButton.textContent = current ? `Reviewer: ${current}` : 'Add your name';
}

/** Asks the name the first time this browser opens an app started without `--reviewer`. */
export async function askNameOnce(state: StateView): Promise<void> {
  if (state.reviewer === null && !nameAsked()) await askName();
  drawReviewer(state);
}

async function askName(): Promise<void> {
  const answer = await askText(
    'Who is reviewing?',
    'Your name, recorded with each decision you take in this browser',
    browserReviewer() ?? '',
  );
  if (answer !== null || !nameAsked()) setBrowserReviewer(answer);
  showName();
}
