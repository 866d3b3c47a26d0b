import type { ComponentChildren } from "preact";
import { useEffect } from "preact/hooks";
import { LocationProvider, lazy, Route, Router, useLocation } from "preact-iso";
import { Auth } from "./account/auth.js";
import { Onboarding } from "./account/onboarding.js";
import { Settings } from "./account/settings.js";
import { Gym } from "./gym/gym.js";
import { Progress } from "./progress/progress.js";
import { setNavigator } from "./shared/http.js";
import { Layout } from "./shared/layout.js";
import { loadLogin, useLogin } from "./shared/login.js";
import { Checkin } from "./week/checkin.js";
import { Week } from "./week/week.js";

/**
 * A screen in its own chunk, fetched on its first visit; when it cannot be fetched (no signal
 * before the service worker kept it) the screen says so under its title.
 */
function lazyScreen(title: string, load: () => Promise<() => ComponentChildren>) {
  const missing = () => (
    <section class="screen">
      <h1>{title}</h1>
      <p class="card notice" role="alert">
        This page could not load. Check your connection, then reload the page.
      </p>
    </section>
  );
  return lazy(() =>
    load().then(
      (screen) => screen,
      () => missing,
    ),
  );
}

/** Import and the library are used once in a while, the week every day: they load apart. */
const Import = lazyScreen("Import your runs", () =>
  import("./import/import.js").then((module) => module.Import),
);
const Library = lazyScreen("Exercises", () =>
  import("./library/library.js").then((module) => module.Library),
);

const AUTH_PATHS = new Set(["/signup", "/login"]);

/**
 * Around every screen: who is logged in (GET /api/session: nobody → /login), whether a profile
 * exists (none → /onboarding), the header and the tabs.
 */
function Shell(props: { children: ComponentChildren }) {
  const { path, route } = useLocation();
  const login = useLogin();
  const isAuth = AUTH_PATHS.has(path);

  useEffect(() => {
    setNavigator((url) => route(url, true));
  }, [route]);

  useEffect(() => {
    if (!isAuth) loadLogin();
  }, [isAuth]);

  useEffect(() => {
    if (isAuth) return;
    if (login.status === "signed-out") route("/login", true);
    else if (login.status === "no-profile" && path !== "/onboarding") route("/onboarding", true);
  }, [login.status, path, isAuth, route]);

  useEffect(() => {
    window.scrollTo(0, 0);
  }, [path]);

  const nav = !isAuth && path !== "/onboarding";
  return (
    <Layout path={path} nav={nav}>
      {props.children}
    </Layout>
  );
}

/** Every address of the app (docs/web.md); the server answers index.html for each. */
export function App() {
  return (
    <LocationProvider>
      <Shell>
        <Router>
          <Route path="/" component={Week} />
          <Route path="/signup" component={Auth} />
          <Route path="/login" component={Auth} />
          <Route path="/onboarding" component={Onboarding} />
          <Route path="/gym/:date" component={Gym} />
          <Route path="/checkin" component={Checkin} />
          <Route path="/progress" component={Progress} />
          <Route path="/library" component={Library} />
          <Route path="/settings" component={Settings} />
          <Route path="/import" component={Import} />
          <Route default component={Week} />
        </Router>
      </Shell>
    </LocationProvider>
  );
}
