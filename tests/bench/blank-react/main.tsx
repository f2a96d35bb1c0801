// The baseline for the renderer benchmark: the smallest React page Vite can build.
import { createRoot } from 'react-dom/client';

const root = document.getElementById('root');
if (root) createRoot(root).render(<h1>Today</h1>);
