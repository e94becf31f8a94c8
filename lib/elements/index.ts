export * from "./elements";
export { ELEMENTS } from "./element-table";
export * from "./shannon-radii";
