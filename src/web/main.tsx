import { render } from "preact";

function App() {
  return (
    <main>
      <h1>Capacity</h1>
      <p>Strength training for runners.</p>
    </main>
  );
}

const root = document.getElementById("app");
if (root) render(<App />, root);
