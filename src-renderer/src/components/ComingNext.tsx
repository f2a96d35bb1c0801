/**
 * An honest note on a screen whose feature is still being built: what it will hold, so a user
 * is never shown a button that does nothing.
 */
export function ComingNext({ items }: { items: readonly string[] }) {
  return (
    <section className="card coming-next" aria-labelledby="coming-next-title">
      <h2 id="coming-next-title">Coming to this screen</h2>
      <p>This part of Stillroom is still being built. When it arrives, you will be able to:</p>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </section>
  );
}
