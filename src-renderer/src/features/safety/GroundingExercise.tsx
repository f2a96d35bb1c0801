/** 5-4-3-2-1: bringing attention back to the room, which can take the edge off a surge of feeling. */
export function GroundingExercise() {
  return (
    <section className="card" aria-labelledby="grounding-title">
      <h2 id="grounding-title">A minute to ground yourself</h2>
      <p>Noticing what is around you can help when feelings are very strong. Take your time.</p>
      <ol className="grounding-steps">
        <li>Look around and name five things you can see.</li>
        <li>Notice four things you can feel: your feet on the floor, your back against the chair.</li>
        <li>Listen for three things you can hear.</li>
        <li>Find two things you can smell, or two smells you like.</li>
        <li>Notice one thing you can taste, or take a sip of water.</li>
      </ol>
      <p>Then breathe out slowly, a little longer than you breathe in. Do it three times.</p>
    </section>
  );
}
