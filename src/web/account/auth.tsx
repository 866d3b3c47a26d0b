import { useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { api } from "../shared/api.js";
import { type ApiError, NO_MESSAGE } from "../shared/http.js";
import { loadLogin, signedUp } from "../shared/login.js";

/** The server's password rules (core/password-rules.ts), told before the first try. */
const PASSWORD_HINT =
  "At least 10 characters, not one character repeated, and not a common password: a few words make a good one.";

/** /signup and /login: one form each, with the way to the other. */
// Over 80 lines: sign-up and log-in are one form with two modes; split, each would copy the other.
export function Auth() {
  const { path, route } = useLocation();
  const signup = path === "/signup";
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const prefix = signup ? "signup" : "login";

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = signup
      ? await api.signup({ name: name.trim(), email: email.trim(), password })
      : await api.login({ email: email.trim(), password });
    if (!result.ok) {
      setBusy(false);
      setError(result.error);
      return;
    }
    if (signup) {
      signedUp(result.value);
      setBusy(false);
      route("/onboarding", true);
      return;
    }
    const session = await loadLogin(true);
    setBusy(false);
    route(session.status === "no-profile" ? "/onboarding" : "/", true);
  };

  const describedBy = (field: string) =>
    error && (error.field === field || (!error.field && field === "password"))
      ? "form-error"
      : undefined;

  return (
    <section class="screen auth">
      <div class="auth-intro">
        <h1>{signup ? "Welcome to Capacity" : "Welcome back"}</h1>
        <p class="lead">
          {signup
            ? "Two short strength sessions a week, planned around your runs."
            : "Log in to see your week."}
        </p>
      </div>
      <form class="card form" onSubmit={submit} noValidate>
        {signup ? (
          <label class="field">
            <span class="field-label">Your first name</span>
            <input
              data-testid="signup-name"
              name="name"
              autocomplete="given-name"
              value={name}
              onInput={(event) => setName(event.currentTarget.value)}
              required
              maxLength={100}
              aria-invalid={error?.field === "name" ? "true" : undefined}
              aria-describedby={describedBy("name")}
            />
          </label>
        ) : null}
        <label class="field">
          <span class="field-label">E-mail</span>
          <input
            data-testid={`${prefix}-email`}
            type="email"
            name="email"
            autocomplete={signup ? "email" : "username"}
            inputMode="email"
            value={email}
            onInput={(event) => setEmail(event.currentTarget.value)}
            required
            aria-invalid={error?.field === "email" ? "true" : undefined}
            aria-describedby={describedBy("email")}
          />
        </label>
        <label class="field">
          <span class="field-label">Password</span>
          <input
            data-testid={`${prefix}-password`}
            type="password"
            name="password"
            autocomplete={signup ? "new-password" : "current-password"}
            value={password}
            onInput={(event) => setPassword(event.currentTarget.value)}
            required
            minLength={signup ? 10 : undefined}
            aria-invalid={error?.field === "password" ? "true" : undefined}
            aria-describedby={
              [signup ? "password-hint" : null, describedBy("password")]
                .filter(Boolean)
                .join(" ") || undefined
            }
          />
          {signup ? (
            <span class="hint" id="password-hint" data-testid="signup-password-hint">
              {PASSWORD_HINT}
            </span>
          ) : null}
        </label>
        {error ? (
          <p class="form-error" data-testid="form-error" id="form-error" role="alert">
            {friendlyAuthError(error, signup)}
          </p>
        ) : null}
        <button
          class="button primary block"
          type="submit"
          data-testid={`${prefix}-submit`}
          disabled={busy}
        >
          {busy ? "One moment…" : signup ? "Create my account" : "Log in"}
        </button>
      </form>
      <p class="auth-switch">
        {signup ? "Already have an account? " : "New here? "}
        <a href={signup ? "/login" : "/signup"} data-testid={signup ? "go-login" : "go-signup"}>
          {signup ? "Log in" : "Create an account"}
        </a>
      </p>
    </section>
  );
}

function friendlyAuthError(error: ApiError, signup: boolean): string {
  if (error.kind === "conflict" && signup) {
    return "That e-mail already has an account. Log in instead?";
  }
  if (error.kind === "rate-limited") return "Too many tries. Wait a minute, then try again.";
  if (error.field === "password" && signup) return passwordRefusal(error.message);
  if (error.field === "email") return "Check the e-mail address.";
  if (error.field === "name") return "Please tell us your first name.";
  return error.message;
}

/**
 * The server says which password rule was broken ("must be at least 10 characters", "is one
 * of the most common passwords…"), with or without the field's name in front: shown as said.
 */
function passwordRefusal(message: string): string {
  const said = message.trim();
  if (said === "" || said === NO_MESSAGE) return `Choose another password. ${PASSWORD_HINT}`;
  const sentence = /^password\b/i.test(said) ? said.replace(/^password:?\s*/i, "") : said;
  const text = `Your password ${sentence}`;
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}
