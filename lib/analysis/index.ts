export { type AnalyzeOptions, type AnalyzeProgress, type AnalyzedPathway, type StructureAnalysis, analyzeStructure } from "./analyze-structure";
export { type PathwayHops, hopDimensionality } from "./hop-dimensionality";
export { type PathwayAnchor, hopImageSet } from "./hop-image-set";
export { type PathwayBarrier, type PathwayBarrierInput, pathwayBarrier } from "./pathway-barrier";
export { type PathwayMeasures, type PathwayMeasuresInput, pathwayMeasures } from "./pathway-measures";
export { resamplePath } from "./resample-path";
export { type StructurePercolation, type StructurePercolationInput, structurePercolation } from "./structure-percolation";
