export { assignOxidationStates } from "./assign-oxidation-states";
export { type StateOption, stateOptions } from "./state-options";
