import type { ComponentChildren } from "preact";
import { useEffect } from "preact/hooks";
import { LocationProvider, lazy, Route, Router, useLocation } from "preact-iso";
import { Auth } from "./account/auth.js";
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

/**
 * The week (and log-in) is the first screen: everything else loads apart, so that the first
 * screen's JavaScript stays small (docs/web.md, "Size"). The service worker precaches every
 * chunk of the build, so gym mode, progress and settings still open without signal.
 */
const Onboarding = lazyScreen("Welcome", () =>
  import("./account/onboarding.js").then((module) => module.Onboarding),
);
const Gym = lazyScreen("Gym", () => import("./gym/gym.js").then((module) => module.Gym));
const Progress = lazyScreen("Progress", () =>
  import("./progress/progress.js").then((module) => module.Progress),
);
const Settings = lazyScreen("Settings", () =>
  import("./account/settings.js").then((module) => module.Settings),
);
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
