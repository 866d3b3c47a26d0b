import { render } from "preact";
import { App } from "./app.js";
// One sheet, in this order: the shared base, each feature's styles, then what must win over them.
import "./shared/styles.css";
import "./account/account.css";
import "./week/week.css";
import "./progress/progress.css";
import "./library/library.css";
import "./import/import.css";
import "./shared/last.css";

const root = document.getElementById("app");
if (root) render(<App />, root);

// The service worker keeps the app and the week's plan on the phone (src/web/sw.ts).
if ("serviceWorker" in navigator) {
  const register = () => {
    navigator.serviceWorker.register("/sw.js").catch(() => {
      // Not served (the dev server) or refused: the app works online without it.
    });
  };
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register, { once: true });
}
