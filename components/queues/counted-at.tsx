"use client";

import { useEffect, useState } from "react";

/** "3 s ago", "2 min ago": how old the counts are, for a line that updates every second. */
export function ageText(countedAt: Date, now: number): string {
  const s = Math.max(0, Math.round((now - countedAt.getTime()) / 1000));
  if (s < 60) return `${s} s ago`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m} min ago` : `at ${countedAt.toLocaleTimeString("en-GB")}`;
}

/**
 * When the server counted the numbers shown: it serves a count kept fresh in the background rather
 * than counting for every request, so the numbers can be a few seconds old.
 */
export function CountedAt({ countedAt }: { countedAt: Date }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <p className="muted" data-testid="queues-counted-at" suppressHydrationWarning title={countedAt.toLocaleString("en-GB")}>
      Counted {ageText(countedAt, Math.max(now, countedAt.getTime()))}
    </p>
  );
}
