/**
 * A second thing to do with the next few minutes (Martinengo et al. 2019 count such deterrent
 * activities): a longer out-breath slows the body's alarm. Static text, so it works for everyone.
 */
export function SlowBreathing() {
  return (
    <section className="card" aria-labelledby="slow-breathing-title">
      <h2 id="slow-breathing-title">Slow breathing, for a few minutes</h2>
      <p>Breathing out for longer than you breathe in tells your body it can settle a little.</p>
      <ol className="grounding-steps">
        <li>Sit or stand with your feet on the floor and let your shoulders drop.</li>
        <li>Breathe in gently through your nose while you count to four.</li>
        <li>Breathe out slowly through your mouth while you count to six.</li>
        <li>Keep going for ten breaths. If your mind wanders, come back to the counting.</li>
      </ol>
      <p>If you can, do this somewhere with other people nearby, or with someone on the phone.</p>
    </section>
  );
}
