/** One administrative division: a province, a city or a district (county), with the divisions under it. */
export type RegionNode = { name: string; children: RegionNode[] };

/** The provinces of China, each with its cities and their districts (names only, no codes). */
export type RegionTree = readonly RegionNode[];
