import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { Suspense, useEffect, useMemo, useState } from 'react';
import { BrowserRouter, Route, Routes, useLocation } from 'react-router';
import { all, call, createApi } from '../api/client';
import { ProblemError } from '../api/problem';
import type { Auth, Session } from '../auth';
import type { AppConfig } from '../config';
import { languageChosen, setLanguage, useI18n } from '../i18n/i18n';
import { Loading, ProblemBanner } from '../ui/ui';
import { AppContext, type AppContextValue } from './context';
import { Dashboard } from './Dashboard';
import { SCREENS } from './routes';
import { Shell } from './Shell';

const SITE_KEY = 'spil.site';

export function App({ config, auth, initial }: { config: AppConfig; auth: Auth; initial: Session }) {
  const [session, setSession] = useState<Session>(initial);
  const queryClient = useMemo(() => new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        // a refusal is an answer: only a network failure is worth another try
        retry: (count, error) => count < 2 && error instanceof ProblemError && error.problem.status === 0,
      },
    },
  }), []);
  const api = useMemo(() => createApi({
    baseUrl: config.apiUrl,
    idToken: () => auth.idToken(),
    onUnauthorized: () => void auth.idToken().then((t) => { if (!t) { void auth.signIn(); } }),
  }), [auth, config.apiUrl]);

  useEffect(() => auth.onChange((s) => {
    if (s) {
      setSession(s);
    } else {
      void auth.signIn();
    }
  }), [auth]);

  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Signed api={api} config={config} session={session} signOut={() => void auth.signOut()} />
      </BrowserRouter>
    </QueryClientProvider>
  );
}

function Signed({ api, config, session, signOut }: Pick<AppContextValue, 'api' | 'config' | 'session' | 'signOut'>) {
  const me = useQuery({
    queryKey: ['me'],
    queryFn: () => call(api.GET('/me')),
    // someone signed in but not (yet) in the directory still gets the app, without "my" data
    retry: false,
  });
  const sites = useQuery({
    queryKey: ['sites'],
    queryFn: () => all((cursor) => call(api.GET('/sites', { params: { query: { limit: 200, cursor } } }))),
  });
  const [siteId, setSiteIdState] = useState<string | null>(() => localStorage.getItem(SITE_KEY));
  const location = useLocation();

  useEffect(() => {
    if (me.data && !languageChosen()) {
      setLanguage(me.data.language, false);
    }
  }, [me.data]);

  const siteList = sites.data ?? [];
  const site = siteList.find((s) => s.id === siteId) ?? siteList.find((s) => s.id === me.data?.siteId) ?? siteList[0] ?? null;
  const value: AppContextValue = {
    api, config, session, signOut,
    me: me.data ?? null,
    sites: siteList,
    site,
    setSiteId: (id) => {
      localStorage.setItem(SITE_KEY, id);
      setSiteIdState(id);
    },
  };

  if (sites.isPending || me.isPending) {
    return <main className="center-page"><Loading /></main>;
  }
  const bare = SCREENS.find((s) => s.bare && s.path === location.pathname);
  if (bare) {
    // a screen of its own (the kiosk): no header, no navigation, nothing else of the staff app
    return (
      <AppContext.Provider value={value}>
        <Suspense fallback={<Loading />}>
          {bare.roles.some((r) => session.roles.includes(r)) ? <bare.component /> : <NotForYou />}
        </Suspense>
      </AppContext.Provider>
    );
  }
  return (
    <AppContext.Provider value={value}>
      <Shell>
        {sites.error instanceof ProblemError && <ProblemBanner problem={sites.error.problem} />}
        {me.error instanceof ProblemError && me.error.problem.status !== 404 && <ProblemBanner problem={me.error.problem} />}
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/" element={<Dashboard />} />
            {SCREENS.filter((s) => !s.bare).map((s) => (
              <Route key={s.path} path={s.path}
                element={s.roles.some((r) => session.roles.includes(r)) ? <s.component /> : <NotForYou />} />
            ))}
            <Route path="*" element={<NotFound />} />
          </Routes>
        </Suspense>
      </Shell>
    </AppContext.Provider>
  );

}

function NotForYou() {
  const { t } = useI18n();
  return <div className="card"><h1>{t('app.notForYou')}</h1><p>{t('app.notForYouDetail')}</p></div>;
}

function NotFound() {
  const { t } = useI18n();
  return <div className="card"><h1>{t('app.notFound')}</h1></div>;
}
