import type { ComponentChildren } from "preact";
import { useEffect } from "preact/hooks";
import { LocationProvider, lazy, Route, Router, useLocation } from "preact-iso";
import { setNavigator } from "./api/client.js";
import { Layout } from "./components/layout.js";
import { Auth } from "./screens/auth.js";
import { Checkin } from "./screens/checkin.js";
import { Gym } from "./screens/gym.js";
import { Library } from "./screens/library.js";
import { Onboarding } from "./screens/onboarding.js";
import { Progress } from "./screens/progress.js";
import { Settings } from "./screens/settings.js";
import { Week } from "./screens/week.js";
import { loadSession, useSession } from "./state/session.js";

/** The import screen is its own chunk: it is used once in a while, the week every day. */
const Import = lazy(() =>
  import("./screens/import.js").then(
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
 * Around every screen: who is signed in (GET /api/me, 401 → /login), whether a profile exists
 * (404 → /onboarding), the header and the tabs.
 */
function Shell(props: { children: ComponentChildren }) {
  const { path, route } = useLocation();
  const session = useSession();
  const isAuth = AUTH_PATHS.has(path);

  useEffect(() => {
    setNavigator((url) => route(url, true));
  }, [route]);

  useEffect(() => {
    if (!isAuth) loadSession();
  }, [isAuth]);

  useEffect(() => {
    if (isAuth) return;
    if (session.status === "signed-out") route("/login", true);
    else if (session.status === "no-profile" && path !== "/onboarding") route("/onboarding", true);
  }, [session.status, path, isAuth, route]);

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
