/**
 * One element of a list record, as the streaming reader collects it: local name (namespace
 * prefix stripped), attributes (prefixes stripped, `xmlns` declarations dropped), the text
 * written directly inside it, and its child elements in document order.
 */
export interface XmlNode {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  text: string;
  readonly children: XmlNode[];
}

/**
 * The elements reached from `node` by a `/`-separated path of local names (`'akaList/aka'`),
 * in document order; `node` itself for an empty path.
 */
export function nodesAt(node: XmlNode, path: string): XmlNode[] {
  const out: XmlNode[] = [];
  visit(node, path === '' ? [] : path.split('/'), 0, (n) => {
    out.push(n);
    return false;
  });
  return out;
}

/** The trimmed text of every element at `path` that holds some, in document order. */
export function textsAt(node: XmlNode, path: string): string[] {
  const out: string[] = [];
  visit(node, path.split('/'), 0, (n) => {
    const t = n.text.trim();
    if (t !== '') out.push(t);
    return false;
  });
  return out;
}

/** The trimmed text of the first element at `path` that holds some, else undefined. */
export function textAt(node: XmlNode, path: string): string | undefined {
  let found: string | undefined;
  visit(node, path.split('/'), 0, (n) => {
    const t = n.text.trim();
    if (t !== '') found = t;
    return found !== undefined;
  });
  return found;
}

/** Calls `found` for each element at `steps[depth..]` below `node` until it returns true. */
function visit(node: XmlNode, steps: readonly string[], depth: number, found: (n: XmlNode) => boolean): boolean {
  if (depth === steps.length) return found(node);
  const step = steps[depth];
  for (const child of node.children) {
    if (child.name === step && visit(child, steps, depth + 1, found)) return true;
  }
  return false;
}

/** An attribute's trimmed value, or undefined when it is absent or blank. */
export function attrOf(node: XmlNode, name: string): string | undefined {
  const v = node.attrs[name]?.trim();
  return v === undefined || v === '' ? undefined : v;
}

/** Whether the text at `path` is `true` (case-insensitive), as the lists write flags. */
export function flagAt(node: XmlNode, path: string): boolean {
  return textAt(node, path)?.toLowerCase() === 'true';
}
