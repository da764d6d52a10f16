import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './App';
import { adoptProviderSignIn } from './session';
import './styles.scss';

// govuk-frontend's components run only when the body says the browser supports them; its
// template sets these classes with an inline script, which the server's CSP forbids.
document.body.classList.add('js-enabled');
if ('noModule' in HTMLScriptElement.prototype)
  document.body.classList.add('govuk-frontend-supported');

// Back from the identity provider: keep the CSRF token it sent and clear it from the address,
// before the router reads the address.
adoptProviderSignIn();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <BrowserRouter>
      <App />
    </BrowserRouter>
  </StrictMode>,
);
