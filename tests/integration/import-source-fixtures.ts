import http from "node:http";
import type { AddressInfo } from "node:net";
import { caF2, k2NiF4, kMgF3 } from "../../lib/structure/reference-crystals";
import type { FakeMpDocument } from "../fake-servers/materials-project";
import { library, pymatgenDict } from "./importers-fixtures";

/** Seven fluorides as the Materials Project serves them: with a page size of 2, four pages. */
export function fluorideDocuments(): FakeMpDocument[] {
  const crystals = [
    ["mp-682", library("NaF-rocksalt")],
    ["mp-463", library("KF-rocksalt")],
    ["mp-1249", library("MgF2-rutile")],
    ["mp-10694", library("ScF3-ReO3")],
    ["mp-2741", caF2()],
    ["mp-3448", kMgF3()],
    ["mp-6063", k2NiF4()],
  ] as const;
  return crystals.map(([id, s], i) => ({
    material_id: id,
    structure: pymatgenDict(s),
    energy_per_atom: -4 - i / 10,
    formation_energy_per_atom: -3,
    energy_above_hull: 0,
    nsites: s.sites.length,
  }));
}

export interface GateProxy {
  url: string;
  /** Resolves when the held request has arrived. */
  held: Promise<void>;
  close(): Promise<void>;
}

/**
 * A proxy in front of a fake server that never answers the first request matching `hold`: an import
 * in flight on that page stays there until its worker gives up (stops), as on a network that hangs.
 * Later requests, that page's included, pass through.
 */
export async function startGateProxy(target: string, hold: (url: URL) => boolean): Promise<GateProxy> {
  let holding = true;
  let arrived!: () => void;
  const held = new Promise<void>((resolve) => (arrived = resolve));
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", target);
    if (holding && hold(url)) {
      holding = false;
      arrived();
      return;
    }
    const answer = await fetch(url, { headers: { "x-api-key": String(req.headers["x-api-key"] ?? "") } });
    res.writeHead(answer.status, { "content-type": "application/json" });
    res.end(await answer.text());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    held,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
