export * from "./bv-parameters";
export * from "./bond-valence-sum";
