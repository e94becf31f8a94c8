"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { AuthNav } from "../auth/auth-nav";
import { SignInNotice } from "../auth/sign-in-notice";
import styles from "./site-nav.module.css";

const LINKS = [
  { href: "/", label: "Overview" },
  { href: "/structures", label: "Structures" },
  { href: "/pathways", label: "Pathways" },
  { href: "/queues", label: "Queues" },
  { href: "/settings", label: "Settings" },
  { href: "/submit", label: "Submit" },
  { href: "/imports", label: "Imports" },
  { href: "/checkpoints", label: "Checkpoints" },
] as const;

/** The top bar; the current section is marked for sighted users and for screen readers. */
export function SiteNav() {
  const pathname = usePathname();
  const isCurrent = (href: string) => (href === "/" ? pathname === "/" : pathname.startsWith(href));
  return (
    <>
      <header className={styles.bar}>
        <Link href="/" className={styles.brand}>
          hopscape
        </Link>
        <nav aria-label="Main">
          <ul className={styles.links}>
            {LINKS.map((l) => (
              <li key={l.href}>
                <Link href={l.href} className={styles.link} aria-current={isCurrent(l.href) ? "page" : undefined}>
                  {l.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <AuthNav />
      </header>
      <SignInNotice />
    </>
  );
}
