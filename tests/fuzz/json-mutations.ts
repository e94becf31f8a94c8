import type { Prng } from "./prng";
import type { Mutation } from "./text-mutations";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Values of the wrong type, shape or size for wherever they land in a pymatgen Structure dict. */
const WRONG_VALUES: Json[] = [
  null, true, 0, -1, 1e308, -1e308, 3.5, "", "abc", "1.5", "NaN", [], [1, 2], [[1, 2, 3]], {}, { element: "F" },
  [0, 0, 0], [[0, 0, 0], [0, 0, 0], [0, 0, 0]], [null, null, null], ["1", "2", "3"], [{ element: "Xx", occu: 1 }],
  [{ element: "F", occu: 0.5 }], [{ element: "F", occu: "1" }], [{ element: "Ca", occu: 1 }, { element: "F", occu: 1 }],
];

/** Every [parent, key] pair of the tree, so a mutation can aim at any node. */
function slots(root: Json): Array<[Json[] | { [key: string]: Json }, string | number]> {
  const out: Array<[Json[] | { [key: string]: Json }, string | number]> = [];
  const walk = (node: Json) => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        out.push([node, i]);
        walk(child);
      });
    } else if (node && typeof node === "object") {
      for (const [k, child] of Object.entries(node)) {
        out.push([node, k]);
        walk(child);
      }
    }
  };
  walk(root);
  return out;
}

const setSlot = (parent: Json[] | { [key: string]: Json }, key: string | number, value: Json) => {
  (parent as Record<string | number, Json>)[key] = value;
};

function mutateTree(text: string, rng: Prng, change: (root: Json, rng: Prng) => Json): string {
  const root = JSON.parse(text) as Json;
  return JSON.stringify(change(root, rng), null, rng.chance(0.5) ? 2 : undefined);
}

function nested(depth: number, rng: Prng): string {
  const [open, close] = rng.chance(0.5) ? ["[", "]"] : ['{"a":', "}"];
  return open.repeat(depth) + "1" + close.repeat(depth);
}

/** Mutations of a pymatgen JSON document's tree: wrong types, missing keys, deep nesting, bulk. */
export const JSON_MUTATIONS: Mutation[] = [
  {
    name: "JSON wrong value",
    apply: (t, rng) =>
      mutateTree(t, rng, (root) => {
        const all = slots(root);
        if (all.length > 0) {
          const [parent, key] = rng.pick(all);
          setSlot(parent, key, structuredClone(rng.pick(WRONG_VALUES)));
        }
        return root;
      }),
  },
  {
    name: "JSON delete key",
    apply: (t, rng) =>
      mutateTree(t, rng, (root) => {
        const objects = slots(root).filter(([p, k]) => !Array.isArray(p) && typeof k === "string");
        if (objects.length > 0) {
          const [parent, key] = rng.pick(objects);
          delete (parent as Record<string, Json>)[key as string];
        }
        return root;
      }),
  },
  {
    name: "JSON replace the root",
    apply: (_t, rng) => JSON.stringify(rng.pick<Json>([...WRONG_VALUES, [null], { structure: null }, { data: [] }, { data: [1] }, { lattice: {} }])),
  },
  { name: "JSON deep nesting", apply: (_t, rng) => nested(rng.pick([100, 10_000, 100_000]), rng) },
  {
    name: "JSON deep nesting inside the structure",
    apply: (t, rng) => t.replace(/"matrix": ?/, `"matrix": ${nested(rng.pick([1000, 100_000]), rng)}, "x": `),
  },
  {
    name: "JSON many sites",
    apply: (t, rng) =>
      mutateTree(t, rng, (root) => {
        const doc = root as { sites?: Json[] };
        if (Array.isArray(doc.sites) && doc.sites.length > 0) {
          const site = doc.sites[0];
          doc.sites = Array<Json>(rng.pick([501, 2000])).fill(site);
        }
        return root;
      }),
  },
  {
    name: "JSON prototype keys",
    apply: (t) => t.replace(/^\{/, '{"__proto__": {"lattice": 1, "sites": 2}, "constructor": {"prototype": {"x": 1}},'),
  },
  { name: "JSON list of documents", apply: (t, rng) => `[${Array<string>(1 + rng.int(4)).fill(t).join(",")}, ${rng.pick(["null", "1", "{}", "[]"])}]` },
];
