import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'urql';
import { loadAdminToken, tokenFromHash } from './api/admin-token';
import { createApiClient } from './api/create-api-client';
import { GraphStore } from './model/graph-store';
import { App } from './ui/App';
import './ui/styles.css';

const api = createApiClient(window.location, loadAdminToken());
const store = new GraphStore();
// Close the subscription socket cleanly when the page goes away for good (not into the back/forward cache).
window.addEventListener('pagehide', (event) => {
  if (!event.persisted) api.dispose();
});
// A #token=… link opened on this page (same document, so no new load): keep the token and start again with it.
window.addEventListener('hashchange', () => {
  if (tokenFromHash(window.location.hash) === null) return;
  loadAdminToken();
  window.location.reload();
});
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <Provider value={api.client}>
      <App api={api} store={store} />
    </Provider>
  </StrictMode>,
);
