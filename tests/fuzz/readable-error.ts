/**
 * What counts as a clear error for a user who uploaded a bad file: a plain Error (or a subclass the
 * project defines), not one of the built-in TypeError/RangeError/SyntaxError... that mean the reader
 * itself broke; a one-line message of bounded length with words in it; no control or bidi-override
 * characters copied from the file; and none of the phrases JavaScript produces when code trips over
 * a value it did not expect.
 */
const BUILT_IN_ERRORS = [TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError];
const MAX_MESSAGE_CHARS = 400;
const INTERNAL_PHRASES =
  /\bundefined\b|\[object |Cannot read prop|Cannot set prop|is not a function|is not iterable|is not defined|Maximum call stack|Invalid array length|Invalid string length|out of memory|\bat \S+:\d+:\d+/;
// C0 controls (tab included: a message is one line), DEL, and bidi overrides that reorder what a reader sees.
const UNPRINTABLE = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

/** Why `e` is not a clear error, or undefined when it is one. */
export function unclearErrorReason(e: unknown): string | undefined {
  if (!(e instanceof Error)) return `threw a non-Error: ${String(e).slice(0, 80)}`;
  const builtIn = BUILT_IN_ERRORS.find((E) => e instanceof E);
  if (builtIn) return `threw a ${builtIn.name}: ${e.message.slice(0, 120)}`;
  if (e.name !== "Error") return `threw a ${e.name}`;
  const m = e.message;
  if (m.trim() === "") return "empty message";
  if (m.length > MAX_MESSAGE_CHARS) return `message of ${m.length} characters: ${m.slice(0, 80)}...`;
  if (UNPRINTABLE.test(m)) return `message with control characters: ${JSON.stringify(m.slice(0, 120))}`;
  if (!/[A-Za-z]{3,}/.test(m)) return `message without words: ${m}`;
  const phrase = INTERNAL_PHRASES.exec(m);
  if (phrase) return `message leaks internals ('${phrase[0]}'): ${m.slice(0, 160)}`;
  return undefined;
}
