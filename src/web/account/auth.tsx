import { useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { api } from "../shared/api.js";
import type { ApiError } from "../shared/http.js";
import { loadLogin, signedUp } from "../shared/login.js";

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
            aria-describedby={describedBy("password") ?? (signup ? "password-hint" : undefined)}
          />
          {signup ? (
            <span class="hint" id="password-hint">
              At least 10 characters.
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
  if (error.field === "password" && signup) {
    return "Choose a password of at least 10 characters.";
  }
  if (error.field === "email") return "Check the e-mail address.";
  if (error.field === "name") return "Please tell us your first name.";
  return error.message;
}
