/**
 * A small DOM for drawing with Observable Plot at build time: only what Plot and d3-selection call to draw a static
 * SVG, serialised as linkedom (the full DOM used before) serialises SVG in an HTML document, so that the drawings
 * stay byte for byte the same: attributes newest first, attribute values with only `"` escaped, text with `&`, `<`,
 * `>` and no-break spaces escaped, childless elements closed with ` />`. A full DOM made each of the site's 3,500
 * drawings about a third slower, most of it in bookkeeping a static drawing never uses (events, live collections).
 * Anything else Plot might call is missing on purpose: a chart that needs it fails loudly at build time.
 */

const XHTML = 'http://www.w3.org/1999/xhtml';

/** Attributes left out when empty. */
const LEFT_OUT_WHEN_EMPTY = new Set(['class', 'id', 'style']);

export function escapeText(text: string): string {
  return text.replace(/[<>&\xa0]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#160;'));
}

abstract class SvgNode {
  parentNode: SvgElement | null = null;
  constructor(readonly ownerDocument: SvgDocument) {}

  get nextSibling(): SvgNode | null {
    const siblings = this.parentNode?.childNodes;
    return siblings?.[siblings.indexOf(this) + 1] ?? null;
  }

  get previousSibling(): SvgNode | null {
    const siblings = this.parentNode?.childNodes;
    return siblings?.[siblings.indexOf(this) - 1] ?? null;
  }

  remove(): void {
    this.parentNode?.removeChild(this);
  }

  abstract get textContent(): string;
}

class SvgText extends SvgNode {
  readonly nodeType = 3;
  constructor(
    ownerDocument: SvgDocument,
    public data: string,
  ) {
    super(ownerDocument);
  }

  get textContent(): string {
    return this.data;
  }

  toString(): string {
    return escapeText(this.data);
  }
}

/** Selectors of the forms `tag` and `[attribute]`, or a comma-separated list of them. */
function matcher(selector: string): (element: SvgElement) => boolean {
  const tests = selector.split(',').map((part) => {
    const s = part.trim();
    const attribute = /^\[([\w-]+)\]$/.exec(s);
    if (attribute) return (e: SvgElement) => e.hasAttribute(attribute[1]);
    if (/^[\w-]+$/.test(s)) return (e: SvgElement) => e.localName === s;
    throw new Error(`svg-document: the selector "${selector}" is not supported`);
  });
  return (e) => tests.some((test) => test(e));
}

export class SvgElement extends SvgNode {
  readonly nodeType = 1;
  readonly childNodes: SvgNode[] = [];
  /** In the order set; serialised newest first. */
  private readonly attributeValues = new Map<string, string>();

  constructor(
    ownerDocument: SvgDocument,
    readonly namespaceURI: string,
    readonly localName: string,
  ) {
    super(ownerDocument);
  }

  get tagName(): string {
    return this.localName;
  }

  get children(): SvgElement[] {
    return this.childNodes.filter((n): n is SvgElement => n instanceof SvgElement);
  }

  get firstChild(): SvgNode | null {
    return this.childNodes[0] ?? null;
  }

  get lastChild(): SvgNode | null {
    return this.childNodes.at(-1) ?? null;
  }

  get attributes(): { name: string; value: string }[] {
    return [...this.attributeValues].reverse().map(([name, value]) => ({ name, value }));
  }

  getAttribute(name: string): string | null {
    return this.attributeValues.get(name) ?? null;
  }

  hasAttribute(name: string): boolean {
    return this.attributeValues.has(name);
  }

  setAttribute(name: string, value: unknown): void {
    this.attributeValues.set(name, String(value));
  }

  setAttributeNS(_namespace: string | null, name: string, value: unknown): void {
    this.setAttribute(name, value);
  }

  removeAttribute(name: string): void {
    this.attributeValues.delete(name);
  }

  removeAttributeNS(_namespace: string | null, name: string): void {
    this.removeAttribute(name);
  }

  appendChild<T extends SvgNode>(node: T): T {
    node.remove();
    this.childNodes.push(node);
    node.parentNode = this;
    return node;
  }

  insertBefore<T extends SvgNode>(node: T, before: SvgNode | null): T {
    if (!before) return this.appendChild(node);
    node.remove();
    this.childNodes.splice(this.childNodes.indexOf(before), 0, node);
    node.parentNode = this;
    return node;
  }

  removeChild<T extends SvgNode>(node: T): T {
    this.childNodes.splice(this.childNodes.indexOf(node), 1);
    node.parentNode = null;
    return node;
  }

  append(...nodes: (SvgNode | string)[]): void {
    for (const node of nodes) this.appendChild(typeof node === 'string' ? new SvgText(this.ownerDocument, node) : node);
  }

  get textContent(): string {
    return this.childNodes.map((n) => n.textContent).join('');
  }

  set textContent(text: unknown) {
    for (const child of this.childNodes) child.parentNode = null;
    this.childNodes.length = 0;
    if (text != null && text !== '') this.appendChild(new SvgText(this.ownerDocument, String(text)));
  }

  matches(selector: string): boolean {
    return matcher(selector)(this);
  }

  querySelectorAll(selector: string): SvgElement[] {
    const test = matcher(selector);
    const found: SvgElement[] = [];
    const visit = (element: SvgElement) => {
      for (const child of element.children) {
        if (test(child)) found.push(child);
        visit(child);
      }
    };
    visit(this);
    return found;
  }

  querySelector(selector: string): SvgElement | null {
    return this.querySelectorAll(selector)[0] ?? null;
  }

  get innerHTML(): string {
    return this.childNodes.join('');
  }

  toString(): string {
    let out = `<${this.localName}`;
    for (const { name, value } of this.attributes) {
      if (value === '' && LEFT_OUT_WHEN_EMPTY.has(name)) continue;
      out += ` ${name}="${value.replaceAll('"', '&quot;')}"`;
    }
    if (this.childNodes.length) return `${out}>${this.innerHTML}</${this.localName}>`;
    return this.namespaceURI === XHTML ? `${out}></${this.localName}>` : `${out} />`;
  }
}

export class SvgDocument {
  readonly documentElement = new SvgElement(this, XHTML, 'html');

  createElementNS(namespace: string, name: string): SvgElement {
    return new SvgElement(this, namespace, name);
  }

  createElement(name: string): SvgElement {
    return new SvgElement(this, XHTML, name);
  }

  createTextNode(text: string): SvgText {
    return new SvgText(this, String(text));
  }
}
