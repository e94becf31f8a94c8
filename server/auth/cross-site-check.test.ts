import { describe, expect, it } from "vitest";
import { crossSiteRefusal } from "./cross-site-check";

const loopback = { publicOrigins: [], loopbackOnly: true };
const exposed = { publicOrigins: [], loopbackOnly: false };
const h = (init: Record<string, string>) => new Headers(init);

describe("crossSiteRefusal", () => {
  it("lets same-origin browser requests and header-less scripts through", () => {
    expect(crossSiteRefusal(h({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" }), loopback)).toBeNull();
    expect(crossSiteRefusal(h({ host: "localhost:3000", "sec-fetch-site": "same-origin" }), loopback)).toBeNull();
    expect(crossSiteRefusal(h({ host: "127.0.0.1:3000" }), loopback)).toBeNull();
  });

  it("refuses another site's origin, an opaque origin and a cross-site fetch without Origin", () => {
    expect(crossSiteRefusal(h({ host: "127.0.0.1:3000", origin: "https://evil.example" }), loopback)).toMatch(/another site/);
    expect(crossSiteRefusal(h({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3001" }), loopback)).toMatch(/another site/);
    expect(crossSiteRefusal(h({ host: "127.0.0.1:3000", origin: "null" }), loopback)).toMatch(/opaque/);
    expect(crossSiteRefusal(h({ host: "127.0.0.1:3000", "sec-fetch-site": "cross-site" }), loopback)).toMatch(/Sec-Fetch-Site/);
    expect(crossSiteRefusal(h({ host: "127.0.0.1:3000", "sec-fetch-site": "same-site" }), loopback)).toMatch(/Sec-Fetch-Site/);
  });

  it("refuses a foreign Host on a loopback server even from its own origin (DNS rebinding)", () => {
    const rebound = h({ host: "evil.example:3000", origin: "http://evil.example:3000" });
    expect(crossSiteRefusal(rebound, loopback)).toMatch(/loopback/);
    expect(crossSiteRefusal(rebound, exposed)).toBeNull();
    expect(crossSiteRefusal(h({ host: "[::1]:3000", origin: "http://[::1]:3000" }), loopback)).toBeNull();
  });

  it("accepts the configured public origin behind a proxy that rewrites Host", () => {
    const config = { publicOrigins: ["https://hopscape.example.org"], loopbackOnly: true };
    expect(crossSiteRefusal(h({ host: "127.0.0.1:3000", origin: "https://hopscape.example.org" }), config)).toBeNull();
    expect(crossSiteRefusal(h({ host: "hopscape.example.org", origin: "https://hopscape.example.org" }), config)).toBeNull();
    expect(crossSiteRefusal(h({ host: "127.0.0.1:3000", origin: "https://other.example.org" }), config)).toMatch(/another site/);
  });

  it("accepts the origin a proxy reports in X-Forwarded-Host", () => {
    const headers = h({ host: "10.0.0.5:3000", "x-forwarded-host": "dash.lab.example", origin: "https://dash.lab.example" });
    expect(crossSiteRefusal(headers, exposed)).toBeNull();
  });
});
