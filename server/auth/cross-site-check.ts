/**
 * Refuses requests that change state when a browser sent them on behalf of another site (CSRF) or
 * to a loopback server under a foreign name (DNS rebinding). Browsers set Origin on every POST and
 * Sec-Fetch-Site on every request, and pages cannot forge either; a request carrying neither comes
 * from a script or curl, which no other site can make a browser send, so it is let through to the
 * session check. This is why no separate CSRF token is needed (docs/deployment.md).
 */
import { isLoopbackHostname, type AuthConfig } from "./auth-config";

function hostnameOf(hostHeader: string): string {
  try {
    return new URL(`http://${hostHeader}`).hostname;
  } catch {
    return "";
  }
}

/** Why the request is refused as cross-site, or null when it may go on. */
export function crossSiteRefusal(headers: Headers, config: Pick<AuthConfig, "publicOrigins" | "loopbackOnly">): string | null {
  const host = headers.get("host");
  const publicHosts = config.publicOrigins.map((o) => new URL(o).host);
  if (host && config.loopbackOnly && !isLoopbackHostname(hostnameOf(host)) && !publicHosts.includes(host)) {
    return `the server listens on a loopback address but was reached as "${host}" (add its origin to HOPSCAPE_PUBLIC_ORIGINS if that is intended)`;
  }

  const origin = headers.get("origin");
  if (origin !== null) {
    if (config.publicOrigins.includes(origin)) return null;
    let originHost: string;
    try {
      originHost = new URL(origin).host;
    } catch {
      // "null" (sandboxed frames, some redirects) and garbage alike.
      return `the request came from an opaque or invalid origin ("${origin}")`;
    }
    // X-Forwarded-Host: a reverse proxy's view of the Host the browser used; pages cannot set it cross-site.
    const forwarded = (headers.get("x-forwarded-host") ?? "").split(",").map((h) => h.trim());
    const ownHosts = [host, ...forwarded].filter((h): h is string => !!h);
    return ownHosts.includes(originHost) ? null : `the request came from another site (${origin})`;
  }

  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite !== null && fetchSite !== "same-origin" && fetchSite !== "none") {
    return `the request came from another site (Sec-Fetch-Site: ${fetchSite})`;
  }
  return null;
}
