export * from "./structures";
export * from "./stage-runs";
export * from "./workers";
export * from "./pathways";
export * from "./stage-settings";
export * from "./measures";
export * from "./barriers";
export * from "./percolation";
