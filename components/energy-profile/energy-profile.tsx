"use client";

/**
 * The hop's energy profiles (IDPP and NEB-relaxed BVSE) against the reaction coordinate, with a
 * marker on the current image. Clicking a point selects the nearest image: the chart and the 3D
 * viewer share one image state, owned by the parent.
 */
import { CartesianGrid, Legend, Line, LineChart, ReferenceDot, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { DotItemDotProps } from "recharts";
import { MOVING_ION_COLOUR } from "../interpolation-viewer/moving-ion-colour";
import { nearestImage, type ProfilePoint } from "./profile-points";

const IDPP_COLOUR = "#1f6fb2";
const RELAXED_COLOUR = "#b3261e";
const MARKER_COLOUR = MOVING_ION_COLOUR;

const energyTick = (e: number) => e.toFixed(2);

export function EnergyProfile(props: {
  idpp: ProfilePoint[];
  relaxed: ProfilePoint[] | null;
  image: number;
  onImage: (k: number) => void;
}) {
  const { idpp, relaxed, image, onImage } = props;
  const imageX = idpp.map((p) => p.x);
  const current = idpp[image];

  /** A clickable dot: IDPP dots are images; a relaxed dot selects the image nearest its coordinate. */
  const dot = (series: "idpp" | "relaxed", colour: string) =>
    function ProfileDot(p: DotItemDotProps) {
      const point = p.payload as ProfilePoint;
      const target = series === "idpp" ? point.k : nearestImage(imageX, point.x);
      return (
        <circle
          key={`${series}-${point.k}`}
          cx={p.cx}
          cy={p.cy}
          r={series === "idpp" ? 5 : 3.5}
          fill={colour}
          stroke="#fff"
          strokeWidth={1}
          style={{ cursor: "pointer" }}
          data-testid={`profile-point-${series}-${point.k}`}
          aria-label={`${series === "idpp" ? "IDPP" : "Relaxed"} point ${point.k}: ${point.e.toFixed(3)} eV; selects image ${target}`}
          onClick={() => onImage(target)}
        />
      );
    };

  return (
    <div data-testid="energy-profile">
      <ResponsiveContainer width="100%" height={280}>
        <LineChart margin={{ top: 10, right: 16, bottom: 18, left: 4 }}>
          <CartesianGrid stroke="#e5e9ee" />
          <XAxis
            type="number"
            dataKey="x"
            domain={[0, 1]}
            ticks={[0, 0.25, 0.5, 0.75, 1]}
            label={{ value: "Reaction coordinate", position: "insideBottom", offset: -10 }}
          />
          <YAxis type="number" dataKey="e" tickFormatter={energyTick} width={56} label={{ value: "ΔE (eV)", angle: -90, position: "insideLeft" }} />
          <Tooltip formatter={(v) => `${Number(v).toFixed(3)} eV`} labelFormatter={(x) => `coordinate ${Number(x).toFixed(2)}`} />
          <Legend verticalAlign="top" height={24} />
          {/* Relaxed first: where the profiles share a point (the end points), the IDPP image is on top, clickable. */}
          {relaxed ? (
            <Line data={relaxed} dataKey="e" name="Relaxed (NEB)" stroke={RELAXED_COLOUR} strokeWidth={2} dot={dot("relaxed", RELAXED_COLOUR)} isAnimationActive={false} />
          ) : null}
          <Line data={idpp} dataKey="e" name="IDPP" stroke={IDPP_COLOUR} strokeWidth={2} dot={dot("idpp", IDPP_COLOUR)} isAnimationActive={false} />
          {current ? <ReferenceLine x={current.x} stroke={MARKER_COLOUR} strokeDasharray="4 3" /> : null}
          {current ? (
            <ReferenceDot
              x={current.x}
              y={current.e}
              r={8}
              shape={(p: { cx?: number; cy?: number }) => (
                <circle
                  cx={p.cx}
                  cy={p.cy}
                  r={8}
                  fill="none"
                  stroke={MARKER_COLOUR}
                  strokeWidth={2.5}
                  data-testid="profile-marker"
                  data-image={image}
                  pointerEvents="none"
                />
              )}
            />
          ) : null}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
