/**
 * Namespace resolution over fast-xml-parser's ordered output, which keeps prefixed names as written:
 * each element's `xmlns` and `xmlns:p` attributes open a scope for it and its descendants.
 */

/** Prefix -> namespace URI ('' is the default namespace). */
export type NamespaceScope = ReadonlyMap<string, string>;

export const emptyScope: NamespaceScope = new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]);

/** The scope inside an element with these attributes. */
export function enterScope(scope: NamespaceScope, attributes: Readonly<Record<string, string>>): NamespaceScope {
  let inner: Map<string, string> | undefined;
  for (const [name, value] of Object.entries(attributes)) {
    if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue;
    inner ??= new Map(scope);
    inner.set(name === 'xmlns' ? '' : name.slice(6), value);
  }
  return inner ?? scope;
}

export interface QualifiedName {
  /** Namespace URI; '' for none; undefined when the prefix is not declared. */
  readonly namespace: string | undefined;
  readonly local: string;
  readonly prefix: string;
}

/** Resolves an element name (unprefixed names take the default namespace) or attribute name (they do not). */
export function resolveName(name: string, scope: NamespaceScope, isAttribute = false): QualifiedName {
  const colon = name.indexOf(':');
  if (colon < 0) return { namespace: isAttribute ? '' : (scope.get('') ?? ''), local: name, prefix: '' };
  const prefix = name.slice(0, colon);
  return { namespace: scope.get(prefix), local: name.slice(colon + 1), prefix };
}

/** `{urn:x}Local` for messages, or the local name alone when it has no namespace. */
export function expandedName(q: QualifiedName): string {
  return q.namespace ? `{${q.namespace}}${q.local}` : q.local;
}
