export * from "./bv-parameters";
