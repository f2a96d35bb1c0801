import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { connectBridge } from './api/connect';
import './styles/app.css';

const root = document.getElementById('root');
if (root) {
  const connection = connectBridge(window);
  createRoot(root).render(
    <StrictMode>
      <App connection={connection} />
    </StrictMode>,
  );
}
