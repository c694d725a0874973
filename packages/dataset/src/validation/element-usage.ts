/** How an agreement profile uses the dataset's elements: which are required and which are not used. */

export interface ElementUsage {
  /** Catalogue keys made mandatory (when their parent is present). */
  readonly required: ReadonlySet<string>;
  /** Catalogue keys (and, for classes, their whole subtree) the agreement does not use. */
  readonly notUsed: ReadonlySet<string>;
}

export const noUsageConstraints: ElementUsage = { required: new Set(), notUsed: new Set() };
