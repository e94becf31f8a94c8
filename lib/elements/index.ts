export * from "./elements";
export * from "./shannon-radii";
