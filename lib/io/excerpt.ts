/**
 * Text from a file as an error message may quote it: one line, printable, short. A damaged upload
 * can hold a 100 000-character token, a NUL or a right-to-left override, and the message is shown
 * to the person who uploaded it; it must name the offending text, not reproduce it.
 */
// C0 controls, DEL, C1 controls, and the bidi embeddings, overrides and isolates that reorder a line.
const UNPRINTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function excerpt(text: string, maxChars = 40): string {
  // Cut first so a huge token costs nothing; the margin leaves room for collapsed white space.
  const head = text.length > maxChars * 4 ? text.slice(0, maxChars * 4) : text;
  const clean = head.replace(/\s+/g, " ").replace(UNPRINTABLE, "\uFFFD");
  const chars = Array.from(clean);
  const clipped = chars.length > maxChars || head.length < text.length;
  return clipped ? `${chars.slice(0, maxChars - 1).join("")}…` : clean;
}
