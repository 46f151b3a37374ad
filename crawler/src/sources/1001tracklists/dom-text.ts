/**
 * Walking a parsed 1001tracklists document without recursion (a deep page must not overflow the stack) and
 * reading the text a person sees in an element. Nodes are typed structurally so the walk needs no parser types.
 */

/** The part of a domhandler node the walk reads. */
export interface DomNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
}

const NOT_SHOWN = new Set(['script', 'style', 'noscript', 'template']);

export function isElement(node: DomNode): boolean {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

export function attr(node: DomNode, name: string): string | undefined {
  return node.attribs?.[name];
}

export function hasClass(node: DomNode, name: string): boolean {
  const classes = node.attribs?.class;
  return classes?.split(/\s+/).includes(name) ?? false;
}

/**
 * Visits `root`'s descendants in document order. `visit` returns false to leave that node's children out
 * (the walk then goes on with its next sibling). Iterative: an explicit stack, so depth costs no call frames.
 */
export function walk(root: DomNode, visit: (node: DomNode) => boolean): void {
  const stack: DomNode[] = [...(root.children ?? [])].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as DomNode;
    if (!visit(node) || !node.children) continue;
    for (let index = node.children.length - 1; index >= 0; index -= 1) stack.push(node.children[index] as DomNode);
  }
}

/** Every descendant element for which `test` holds, in document order, without descending into matches. */
export function findOutermost(root: DomNode, test: (node: DomNode) => boolean): DomNode[] {
  const found: DomNode[] = [];
  walk(root, (node) => {
    if (!isElement(node)) return false;
    if (test(node)) {
      found.push(node);
      return false;
    }
    return true;
  });
  return found;
}

/** The first descendant element for which `test` holds (document order), or null. */
export function findFirst(root: DomNode, test: (node: DomNode) => boolean): DomNode | null {
  let result: DomNode | null = null;
  walk(root, (node) => {
    if (result !== null || !isElement(node)) return false;
    if (test(node)) result = node;
    return result === null;
  });
  return result;
}

/** Whitespace runs (NBSP included) to one space, trimmed. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The text shown inside `node`, leaving out scripts, comments and any element `skip` names (label badges, hidden
 * link icons, ...). Whitespace collapsed.
 */
export function shownText(node: DomNode | null, skip: (element: DomNode) => boolean = () => false): string {
  if (node === null) return '';
  const parts: string[] = [];
  if (node.type === 'text') return collapse(node.data ?? '');
  walk(node, (child) => {
    if (child.type === 'text') parts.push(child.data ?? '');
    if (!isElement(child)) return false;
    return !NOT_SHOWN.has(child.name ?? '') && !skip(child);
  });
  return collapse(parts.join(''));
}

/** "( Mike Williams Mashup )" -> "(Mike Williams Mashup)": markup puts spaces inside the brackets it renders. */
export function tidyBrackets(text: string): string {
  return text.replace(/([([])\s+/g, '$1').replace(/\s+([)\]])/g, '$1');
}
