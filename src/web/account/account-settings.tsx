import { useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { API_PATHS, api } from "../shared/api.js";
import { today } from "../shared/dates.js";
import type { ApiError } from "../shared/http.js";
import { clearLogin, useLogin } from "../shared/login.js";

/** Settings for the account itself: download my data, log out, delete my account. */
// Over 80 lines: one settings card's markup, read top to bottom, beside the few states it shows.
export function AccountSettings() {
  const { route } = useLocation();
  const { account } = useLogin();
  const [confirming, setConfirming] = useState(false);
  const [accountError, setAccountError] = useState<ApiError | null>(null);
  const [exporting, setExporting] = useState(false);

  const exportData = async () => {
    setExporting(true);
    setAccountError(null);
    const result = await api.exportData();
    setExporting(false);
    if (!result.ok) {
      setAccountError(result.error);
      return;
    }
    const blob = new Blob([JSON.stringify(result.value, null, 2)], { type: "application/json" });
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = `capacity-export-${today()}.json`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const deleteAccount = async () => {
    setAccountError(null);
    const result = await api.deleteAccount();
    if (!result.ok) {
      setAccountError(result.error);
      return;
    }
    clearLogin();
    route("/signup", true);
  };

  const logout = async () => {
    await api.logout();
    clearLogin();
    route("/login", true);
  };

  return (
    <>
      <div class="card stack">
        <h2>Your data</h2>
        <p>Everything you logged, in one file you can keep or take elsewhere.</p>
        <button
          type="button"
          class="button block"
          data-testid="export-data"
          onClick={exportData}
          disabled={exporting}
        >
          {exporting ? "Preparing…" : "Download my data"}
        </button>
        <a
          class="button block"
          data-testid="export-csv"
          href={API_PATHS.exportCsv}
          download
          aria-describedby="export-csv-hint"
        >
          Export as CSV
        </a>
        <p class="hint" id="export-csv-hint">
          Every workout in Strong's CSV layout, for another lifting app (or Capacity) to import.
        </p>
      </div>

      <div class="card stack">
        <h2>Account</h2>
        {account ? <p class="hint">Signed in as {account.email}</p> : null}
        <button type="button" class="button block" onClick={logout}>
          Log out
        </button>
        {confirming ? (
          <div
            class="danger-zone"
            role="alertdialog"
            aria-labelledby="delete-title"
            aria-describedby="delete-text"
          >
            <h3 id="delete-title">Delete your account?</h3>
            {/* Every table the account owns goes with it (its rows cascade): each one named here. */}
            <div id="delete-text" data-testid="delete-warning">
              <p>Deleted for good:</p>
              <ul class="delete-list">
                <li>your profile</li>
                <li>every logged workout and its sets</li>
                <li>every check-in</li>
                <li>every imported activity: runs, rides and the rest from your files</li>
                <li>the sessions you moved and the exercises you swapped</li>
                <li>your calendar link</li>
                <li>strength imports waiting for review, and the exercise names you matched</li>
              </ul>
              <p>Every device is logged out. Download your data first if you want to keep it.</p>
            </div>
            <div class="row">
              <button type="button" class="button" onClick={() => setConfirming(false)}>
                Keep my account
              </button>
              <button
                type="button"
                class="button danger"
                data-testid="delete-confirm"
                onClick={deleteAccount}
              >
                Delete everything
              </button>
            </div>
          </div>
        ) : (
          <button
            type="button"
            class="button danger-outline block"
            data-testid="delete-account"
            onClick={() => setConfirming(true)}
          >
            Delete my account
          </button>
        )}
        {accountError ? (
          <p class="form-error" role="alert">
            {accountError.message}
          </p>
        ) : null}
      </div>
    </>
  );
}
