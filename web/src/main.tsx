import { createRoot } from 'react-dom/client';
import { StrictMode } from 'react';
import { loadConfig } from './config';
import { Auth } from './auth';
import { App } from './app/App';
import { SignInPage, StartFailed } from './app/SignInPage';
import { currentLanguage } from './i18n/i18n';
import './styles.css';

document.documentElement.lang = currentLanguage();
const root = createRoot(document.getElementById('root')!);

async function boot() {
  let auth: Auth;
  try {
    const config = await loadConfig();
    auth = new Auth(config);
    const session = await auth.start();
    if (!session) {
      if (!auth.signedOutHere()) {
        await auth.signIn();
        return;
      }
      root.render(<StrictMode><SignInPage onSignIn={() => auth.signIn('/')} /></StrictMode>);
      return;
    }
    root.render(<StrictMode><App config={config} auth={auth} initial={session} /></StrictMode>);
  } catch (e) {
    root.render(<StartFailed error={e instanceof Error ? e.message : String(e)} />);
  }
}

void boot();
