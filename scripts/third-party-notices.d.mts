export interface BundledPackage {
  name: string;
  version: string;
  license?: string;
  author?: string;
  repository?: string;
  /** The package's folder, relative to the root given. */
  dir: string;
}
export declare function bundledPackages(root: string, modulePaths: readonly string[]): BundledPackage[];
export declare function licenceFiles(root: string, dir: string): { name: string; text: string }[];
export declare function bundledPackageNotices(root: string, modulePaths: readonly string[]): { packages: BundledPackage[]; markdown: string };
