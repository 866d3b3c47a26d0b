import type { ComponentChildren } from "preact";
import { useEffect } from "preact/hooks";
import { LocationProvider, lazy, Route, Router, useLocation } from "preact-iso";
import { Auth } from "./account/auth.js";
import { Onboarding } from "./account/onboarding.js";
import { Settings } from "./account/settings.js";
import { Gym } from "./gym/gym.js";
import { Library } from "./library/library.js";
import { Progress } from "./progress/progress.js";
import { setNavigator } from "./shared/http.js";
import { Layout } from "./shared/layout.js";
import { loadLogin, useLogin } from "./shared/login.js";
import { Checkin } from "./week/checkin.js";
import { Week } from "./week/week.js";

/** The import screen is its own chunk: it is used once in a while, the week every day. */
const Import = lazy(() =>
  import("./import/import.js").then(
    (module) => module.Import,
    () => ChunkMissing,
  ),
);

/** The import screen could not be fetched (no signal before the service worker kept it). */
function ChunkMissing() {
  return (
    <section class="screen">
      <h1>Import your runs</h1>
      <p class="card notice" role="alert">
        This page could not load. Check your connection, then reload the page.
      </p>
    </section>
  );
}

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
