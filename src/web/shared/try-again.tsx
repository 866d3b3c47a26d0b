/** Why something did not load, and a button to ask again. */
export function TryAgain(props: { message: string; onRetry: () => void; class?: string }) {
  return (
    <div class={props.class ?? "card notice"} role="alert">
      <p>{props.message}</p>
      <button type="button" class="button" onClick={props.onRetry}>
        Try again
      </button>
    </div>
  );
}
