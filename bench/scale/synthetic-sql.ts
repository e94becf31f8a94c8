/**
 * The bulk statements that grow the template rows (structures 1..T, see templates.ts) into the
 * synthetic database: INSERT … SELECT over generate_series, so 100,000 pathways take seconds, not the
 * minutes of row-by-row inserts. Random numbers come from random() after setseed (reproducible);
 * they sit in the select list of a subquery so PostgreSQL draws them per row, not once per statement.
 * Parameters: $1 = T (templates), $2 = N + F (all structures), $3 = F (fresh structures at the end,
 * left without pathways or percolation so a worker has real work), $4 = store image bands on every k-th.
 */

/** The template a synthetic structure copies: a fixed shuffle of 1..T. */
const TEMPLATE_OF = (id: string) => `(${id} * 7919 % $1::int + 1)`;

/** Scales every entry of the template's lattice by g.s, keeping row and column order. */
const SCALED_LATTICE = `(select jsonb_agg((select jsonb_agg(x.v::float8 * g.s order by x.n)
                                           from jsonb_array_elements_text(r.vec) with ordinality x(v, n)) order by r.n)
                          from jsonb_array_elements(t.structure -> 'lattice') with ordinality r(vec, n))`;

export const STRUCTURES_SQL = `
insert into structures (id, source, source_id, formula, reduced_formula, chemsys, elements, nsites, nelements, density, volume,
                        spacegroup_number, spacegroup_symbol, structure, final_energy, e_above_hull, formation_energy_per_atom,
                        fingerprint, created_at)
select g.i,
       case when g.r1 < 0.7 then 'mp' when g.r1 < 0.9 then 'optimade' else 'upload' end,
       case when g.r1 < 0.7 then 'mp-' || (g.i * 37 % 2000000) when g.r1 < 0.9 then 'oqmd-' || (g.i * 13 % 900000) end,
       t.formula, t.reduced_formula, t.chemsys, t.elements, t.nsites, t.nelements,
       t.density / g.s ^ 3, t.volume * g.s ^ 3, t.spacegroup_number, t.spacegroup_symbol,
       t.structure || jsonb_build_object('lattice', ${SCALED_LATTICE}),
       case when g.r1 < 0.9 then -4.1 * t.nsites * (0.9 + 0.2 * g.r2) end,
       case when g.r1 < 0.7 then -0.06 * ln(1 - g.r3) end,
       case when g.r1 < 0.9 then -2.1 - 1.4 * g.r4 end,
       md5('bench-structure-' || g.i),
       now() - g.r5 * interval '90 days'
  from (select i, 0.94 + 0.12 * random() as s, random() r1, random() r2, random() r3, random() r4, random() r5
          from generate_series($1::int + 1, $2::int) i) g
  join structures t on t.id = ${TEMPLATE_OF("g.i")}`;

/** Cartesian points scale with the lattice; fractional ones do not. */
const scaledVec = (col: string) => `array[p.${col}[1] * k.s, p.${col}[2] * k.s, p.${col}[3] * k.s]`;

export const PATHWAYS_SQL = `
insert into pathways (id, structure_id, index, length, start_frac, midpoint_frac, end_frac, start_cart, midpoint_cart, end_cart,
                      start_orbit, end_orbit, start_site, end_site, hops, start_wyckoff, end_wyckoff, multiplicity, hops_per_ion,
                      ion_fraction, clearance, nsites_777, nsites_101010, nsites_121212, ion, max_length, images, images_error,
                      created_at, updated_at)
select (s.id - 1) * 5 + p.rn, s.id, p.index, p.length * k.s, p.start_frac, p.midpoint_frac, p.end_frac,
       ${scaledVec("start_cart")}, ${scaledVec("midpoint_cart")}, ${scaledVec("end_cart")},
       p.start_orbit, p.end_orbit, p.start_site, p.end_site, p.hops, p.start_wyckoff, p.end_wyckoff, p.multiplicity,
       p.hops_per_ion, p.ion_fraction, p.clearance * k.s, p.nsites_777, p.nsites_101010, p.nsites_121212, p.ion,
       -- the auto-broaden step that found the hop (5, then 6, then 7 Å)
       greatest(5, ceil(p.length * k.s)), case when s.id % $4::int = 0 then p.images end, p.images_error,
       s.created_at + interval '2 hours', s.created_at + interval '2 hours'
  from structures s
  join structures t on t.id = ${TEMPLATE_OF("s.id")}
  cross join lateral (select cbrt(s.volume / t.volume) as s) k
  join (select *, row_number() over (partition by structure_id order by index) rn from pathways) p on p.structure_id = t.id
 where s.id > $1::int and s.id <= $2::int - $3::int`;

/** Measures: mostly charged fluorides (oxidation -1), dimensionalities weighted towards 2–3. */
export const MEASURES_SQL = `
insert into measures (id, pathway_id, oxidation_state, dimensionality, dimensionality_cumlengths, ewald_energy,
                      ionic_radii_overlap_cations, ionic_radii_overlap_anions, skipped, created_at, updated_at)
select m.id, m.id, case when m.charged then -1 else 0 end, m.d, greatest(m.d, m.dc),
       case when m.charged then 0.02 + 1.3 * m.r1 ^ 2 end,
       case when m.charged then -1.4 + 1.8 * m.r2 end,
       case when m.charged then -1.2 + 1.5 * m.r3 end,
       case when not m.charged then 'no charge-balanced oxidation states' end,
       m.created_at + interval '3 hours', m.created_at + interval '3 hours'
  from (select p.id, p.created_at, random() < 0.97 as charged, random() r1, random() r2, random() r3,
               (array[0, 1, 1, 2, 2, 2, 3, 3, 3, 3])[1 + floor(random() * 10)::int] as d,
               floor(random() * 4)::int as dc
          from pathways p) m`;

/** Energy profile of `n` + 1 points: a sin² hump of height `top` on a tilt `tilt`, from `start`. */
const profile = (n: number, top: string) =>
  `(select jsonb_agg(b.e0 + ${top} * sin(pi() * k / ${n}) ^ 2 + b.tilt * k / ${n} order by k) from generate_series(0, ${n}) k)`;

/** Barriers: relaxed barriers log-normal around 0.55 eV (most 0.15–2 eV), IDPP above relaxed. */
export const BARRIERS_SQL = `
insert into barriers (id, pathway_id, idpp_energies, idpp_barrier, relaxed_energies, relaxed_barrier, relaxed_reverse_barrier,
                      relaxed_converged, relaxed_climbing_image, energy_start, energy_midpoint, energy_end, energy_barrier,
                      neb_images, created_at, updated_at)
select b.id, b.id, ${profile(6, "b.idpp")}, b.idpp + greatest(b.tilt, 0), ${profile(10, "b.relaxed")},
       b.relaxed + greatest(b.tilt, 0), b.relaxed + greatest(-b.tilt, 0), b.c1 < 0.92, b.c2 < 0.85,
       b.e0, b.e0 + 0.97 * b.idpp + b.tilt / 2, b.e0 + b.tilt, 0.97 * b.idpp + b.tilt / 2, 9,
       b.created_at + interval '5 hours', b.created_at + interval '5 hours'
  from (select a.*, a.relaxed * (1.05 + 0.6 * a.u3) as idpp
          from (select p.id, p.created_at, random() u3, random() c1, random() c2, -6 + 3 * random() as e0,
                       (random() - 0.5) * 0.2 as tilt,
                       exp(ln(0.55) + 0.75 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())) as relaxed
                  from pathways p) a) b`;

/** Framework percolation per structure with pathways: 1D ≤ 2D ≤ 3D, 3D missing on some grids. */
export const PERCOLATION_SQL = `
insert into percolation (structure_id, ion, grid_spacing, percolation_1d, percolation_2d, percolation_3d, minimum_energy,
                         created_at, updated_at)
select q.id, 'F', 0.2, q.p1, q.p1 + q.d2, case when q.r < 0.85 then q.p1 + q.d2 + q.d3 end, -8 + 4 * q.m,
       q.created_at + interval '4 hours', q.created_at + interval '4 hours'
  from (select s.id, s.created_at, 0.1 + 0.9 * random() p1, 0.4 * random() d2, 0.6 * random() d3, random() r, random() m
          from structures s where exists (select 1 from pathways p where p.structure_id = s.id)) q`;

/** Finished runs spread over the last day, so the queues page's throughput has something to show. */
const RUN_TIMES = `now() - r.ago - r.took, now() - r.ago - r.took, now() - r.ago`;
const runs = (stage: string, key: string, note: string, ids: string, from: string) => `
insert into stage_runs (stage, input_key, status, attempts, note, result, worker_id, created_at, claimed_at, started_at, finished_at)
select '${stage}', ${key}, 'done', 1, ${note}, jsonb_build_object('ids', ${ids}), 'bench-worker-' || (r.id % 3), now() - r.ago - r.took - interval '5 s', ${RUN_TIMES}
  from (select x.*, random() * interval '24 hours' as ago, (0.05 + random()) * interval '1 s' as took from ${from}) r`;

export const STAGE_RUNS_SQL = [
  runs("structures", "md5('bench-import-' || r.id)", "null", "jsonb_build_array(r.id)", "structures x"),
  runs("pathways", "r.id::text", "'5 pathways of F up to ' || r.ml || ' Å'", "r.ids",
    "(select structure_id as id, jsonb_agg(id order by index) ids, max(max_length) ml from pathways group by structure_id) x"),
  runs("percolation", "r.structure_id::text", "'3D ' || coalesce(round(r.percolation_3d::numeric, 3)::text, '–') || ' eV'",
    "jsonb_build_array(r.id)", "percolation x"),
  runs("measures", "r.pathway_id::text", "'dimensionality ' || r.dimensionality", "jsonb_build_array(r.id)", "measures x"),
  runs("barriers", "r.pathway_id::text", "'relaxed ' || round(r.relaxed_barrier::numeric, 3) || ' eV'", "jsonb_build_array(r.id)", "barriers x"),
];

/** Serial columns continue after the explicit ids the statements above wrote. */
export const SEQUENCES_SQL = ["structures", "pathways", "measures", "barriers"].map(
  (t) => `select setval(pg_get_serial_sequence('${t}', 'id'), (select max(id) from ${t}))`,
);
