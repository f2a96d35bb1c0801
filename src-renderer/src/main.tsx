// First, so the first frame is in the last theme shown, and the vault's state and the settings
// are already being asked for while React's code is evaluated.
import './app/early-theme';
import { earlyConnection } from './api/early-connection';
// Every screen's styles come with the first screen (all of them about 5 KB gzipped), in the order
// they have always cascaded. Screens load lazily, but their styles must not: some classes are
// shared between screens, and a stylesheet arriving later would reorder the cascade.
// The UI font is bundled (no network): the variable Figtree, whose unicode ranges let the browser
// load only the Latin file unless an accented letter outside it is on screen.
import '@fontsource-variable/figtree/wght.css';
import './styles/course.css';
import './styles/rooms.css';
import './features/library/library.css';
import './styles/reminders.css';
import './styles/navigation.css';
import './features/share/share.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { withSettledFirstAnswers } from './api/connect';
import './styles/app.css';
// After app.css: the controls' looks build on its fields and buttons.
import './styles/controls.css';

/** How long the first render may wait for the vault's state (and the theme) before showing "Opening Stillroom…". */
const FIRST_RENDER_WAIT_MS = 300;

async function start(root: HTMLElement): Promise<void> {
  const connection = await withSettledFirstAnswers(earlyConnection, FIRST_RENDER_WAIT_MS);
  createRoot(root).render(
    <StrictMode>
      <App connection={connection} />
    </StrictMode>,
  );
}

const root = document.getElementById('root');
if (root) void start(root);
