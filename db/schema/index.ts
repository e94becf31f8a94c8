export * from "./structures";
export * from "./stage-runs";
export * from "./workers";
