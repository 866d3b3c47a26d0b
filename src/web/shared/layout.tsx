import type { ComponentChildren } from "preact";
import { SyncStatus } from "./sync-status.js";

const TABS = [
  { id: "week", href: "/", label: "Week" },
  { id: "progress", href: "/progress", label: "Progress" },
  { id: "import", href: "/import", label: "Import" },
  { id: "library", href: "/library", label: "Library" },
  { id: "settings", href: "/settings", label: "Settings" },
] as const;

function activeTab(path: string): string {
  if (path === "/" || path.startsWith("/gym") || path === "/checkin") return "week";
  return TABS.find((tab) => tab.href !== "/" && path.startsWith(tab.href))?.id ?? "";
}

/**
 * The frame of every screen: a header with what waits to sync and, once signed in, the tabs.
 * Gym mode has no tabs: the screen is the workout's (its own "Leave" goes back to the week).
 */
export function Layout(props: { path: string; nav: boolean; children: ComponentChildren }) {
  const active = activeTab(props.path);
  const nav = props.nav && !props.path.startsWith("/gym/");
  return (
    <div class={`shell${nav ? " has-nav" : ""}`}>
      <a class="skip-link" href="#content">
        Skip to content
      </a>
      <header class="topbar">
        <span class="brand">Capacity</span>
        <SyncStatus />
      </header>
      <main id="content" class="content" tabIndex={-1}>
        {props.children}
      </main>
      {nav ? (
        <nav class="tabbar" aria-label="Main">
          {TABS.map((tab) => (
            <a
              key={tab.id}
              href={tab.href}
              class="tab"
              data-testid={`nav-${tab.id}`}
              aria-current={active === tab.id ? "page" : undefined}
            >
              <span class="tab-mark" aria-hidden="true" />
              {tab.label}
            </a>
          ))}
        </nav>
      ) : null}
    </div>
  );
}
