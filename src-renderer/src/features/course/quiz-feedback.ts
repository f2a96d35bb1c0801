/**
 * The quiz shows its verdict as a small badge ("Right" or "Worth another look"), so a verdict the
 * feedback itself opens with ("Yes.", "That's right.", "Not quite.") would say it twice. It is
 * dropped here, whatever the content's wording, and the rest starts with a capital.
 */
const OPENING_VERDICT =
  /^(?:yes|no|right|that's right|that’s right|correct|exactly|not quite|not this one|not this time|sadly not)[.!]\s+/i;

export function feedbackWithoutVerdict(feedback: string): string {
  const rest = feedback.trim().replace(OPENING_VERDICT, '');
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}
