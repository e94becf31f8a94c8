export { BvseField, type BvseFieldOptions } from "./bvse";
export { COULOMB_EV_A, type EwaldOptions, type EwaldResult, ewaldSiteEnergy, ewaldSum } from "./ewald";
export { type PercolationThresholds, gridPercolation } from "./grid-percolation";
export { type EnergySurface, type NebOptions, type NebResult, nudgedElasticBand } from "./neb";
export { type BvsePercolationOptions, type BvsePercolationResult, bvsePercolationBarriers } from "./percolation";
export { type BarrierSummary, type EnergyFunction, barrierSummary, bvseImageProfile, energyProfile } from "./profile";
