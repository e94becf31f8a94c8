export { type DimensionalityResult, type PeriodicEdge, type PeriodicGraph, larsenDimensionality } from "./dimensionality";
export { type EwaldEnergyMeasure, ewaldEnergyMeasure } from "./ewald-energy";
export { type ImageSet, checkImageSet } from "./image-set";
export { type IonicRadiiOverlap, ionicRadiiOverlap, largestChange } from "./ionic-radii-overlap";
export { PeriodicUnionFind } from "./periodic-union-find";
