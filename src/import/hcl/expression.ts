/**
 * HCL expressions as `@cdktf/hcl2json` leaves them: every expression is a template string
 * (`"${aws_lb.web.arn}"`, `"${var.env}-app"`), literals are plain JSON. hcl2json parses the
 * configuration's structure with HashiCorp's own parser; this module parses what is inside `${}`
 * into a small syntax tree that `evaluate.ts` reads. Anything it cannot parse becomes an
 * `invalid` node, which evaluates to an unknown value: an import never fails on an expression.
 */

export type Expr =
  | { type: 'literal'; value: string | number | boolean | null }
  | { type: 'template'; parts: (string | Expr)[] }
  | { type: 'traversal'; root: string; steps: Step[] }
  | { type: 'call'; name: string; args: Expr[]; expandLast: boolean }
  | { type: 'tuple'; items: Expr[] }
  | { type: 'object'; entries: { key: Expr; value: Expr }[] }
  | { type: 'unary'; op: '!' | '-'; operand: Expr }
  | { type: 'binary'; op: string; left: Expr; right: Expr }
  | { type: 'conditional'; condition: Expr; then: Expr; else: Expr }
  | { type: 'for'; keyVar?: string; valueVar: string; collection: Expr; key?: Expr; value: Expr; condition?: Expr; object: boolean; group: boolean }
  | { type: 'postfix'; target: Expr; steps: Step[] }
  | { type: 'invalid'; text: string };

/** `.name`, `[index]`, `.*` / `[*]` (splat: the rest applies to every element). */
export type Step = { type: 'attr'; name: string } | { type: 'index'; key: Expr } | { type: 'splat' };

type Token =
  | { t: 'num'; v: number }
  | { t: 'str'; parts: (string | Expr)[] }
  | { t: 'id'; v: string }
  | { t: 'op'; v: string }
  | { t: 'eof' };

class ParseError extends Error {}

const OPERATORS = ['...', '=>', '==', '!=', '>=', '<=', '&&', '||', '::', '+', '-', '*', '/', '%', '>', '<', '!', '?', ':', '.', ',', '(', ')', '[', ']', '{', '}', '='];

/** Splits the text of a template (the inside of a quoted string, or a whole hcl2json value) into literal text and expressions. */
export function parseTemplate(text: string): (string | Expr)[] {
  const parts: (string | Expr)[] = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('$${', i) || text.startsWith('%%{', i)) {
      literal += text.slice(i + 1, i + 3);
      i += 3;
      continue;
    }
    if (text.startsWith('${', i) || text.startsWith('%{', i)) {
      const directive = text[i] === '%';
      const end = matchingBrace(text, i + 1);
      if (end < 0) throw new ParseError('unclosed ${');
      const inner = text.slice(i + 2, end).replace(/^~|~$/g, '');
      if (literal) parts.push(literal);
      literal = '';
      // Template directives (%{ if }, %{ for }) are rare in resource arguments: their value is unknown.
      parts.push(directive ? { type: 'invalid', text: `%{${inner}}` } : parseExpression(inner));
      i = end + 1;
      continue;
    }
    literal += text[i];
    i += 1;
  }
  if (literal) parts.push(literal);
  return parts;
}

/** Index of the `}` closing the `{` at `open`, skipping nested braces and quoted strings. */
function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === '"') {
      i += 1;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\') i += 1;
        else if (text[i] === '$' && text[i + 1] === '{') i = matchingBrace(text, i + 1);
        i += 1;
      }
    } else if (ch === '{') depth += 1;
    else if (ch === '}') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function unescape(ch: string): string {
  switch (ch) {
    case 'n':
      return '\n';
    case 't':
      return '\t';
    case 'r':
      return '\r';
    default:
      return ch;
  }
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    if (ch === '#' || (ch === '/' && text[i + 1] === '/')) {
      while (i < text.length && text[i] !== '\n') i += 1;
      continue;
    }
    if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
      continue;
    }
    if (/[0-9]/.test(ch)) {
      const match = /^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i))!;
      tokens.push({ t: 'num', v: Number(match[0]) });
      i += match[0].length;
      continue;
    }
    if (/[A-Za-z_]/.test(ch)) {
      const match = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(text.slice(i))!;
      tokens.push({ t: 'id', v: match[0] });
      i += match[0].length;
      continue;
    }
    if (ch === '"') {
      // A quoted template: find its end, honouring escapes and nested interpolations.
      let j = i + 1;
      let raw = '';
      while (j < text.length && text[j] !== '"') {
        if (text[j] === '\\') {
          // \uNNNN and \UNNNNNNNN name a character by its code point, as in HCL's own strings.
          const code = /^\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8}))/.exec(text.slice(j, j + 10));
          const point = code ? parseInt(code[1] ?? code[2]!, 16) : undefined;
          if (code && point !== undefined && point <= 0x10ffff) {
            raw += String.fromCodePoint(point);
            j += code[0].length;
          } else {
            raw += unescape(text[j + 1] ?? '');
            j += 2;
          }
        } else if ((text[j] === '$' || text[j] === '%') && text[j + 1] === '{') {
          const end = matchingBrace(text, j + 1);
          if (end < 0) throw new ParseError('unclosed ${');
          raw += text.slice(j, end + 1);
          j = end + 1;
        } else {
          raw += text[j];
          j += 1;
        }
      }
      if (j >= text.length) throw new ParseError('unclosed string');
      tokens.push({ t: 'str', parts: parseTemplate(raw) });
      i = j + 1;
      continue;
    }
    if (ch === '<' && text.startsWith('<<', i) && /^<<-?[A-Za-z_]/.test(text.slice(i))) {
      const match = /^<<(-?)([A-Za-z_][A-Za-z0-9_]*)\r?\n/.exec(text.slice(i));
      if (!match) throw new ParseError('bad heredoc');
      const start = i + match[0].length;
      const endMatch = new RegExp(`\\n[ \\t]*${match[2]}(?=\\s|$)`).exec(text.slice(start - 1));
      if (!endMatch) throw new ParseError('unclosed heredoc');
      const body = text.slice(start, start - 1 + endMatch.index + 1);
      tokens.push({ t: 'str', parts: parseTemplate(body) });
      i = start - 1 + endMatch.index + endMatch[0].length;
      continue;
    }
    const op = OPERATORS.find((candidate) => text.startsWith(candidate, i));
    if (!op) throw new ParseError(`unexpected "${ch}"`);
    tokens.push({ t: 'op', v: op });
    i += op.length;
  }
  tokens.push({ t: 'eof' });
  return tokens;
}

const BINARY_PRECEDENCE: Record<string, number> = { '||': 1, '&&': 2, '==': 3, '!=': 3, '>': 4, '>=': 4, '<': 4, '<=': 4, '+': 5, '-': 5, '*': 6, '/': 6, '%': 6 };

class Parser {
  private position = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.position + offset, this.tokens.length - 1)]!;
  }
  private next(): Token {
    const token = this.peek();
    this.position += 1;
    return token;
  }
  private isOp(v: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.t === 'op' && token.v === v;
  }
  private expectOp(v: string): void {
    if (!this.isOp(v)) throw new ParseError(`expected "${v}"`);
    this.position += 1;
  }

  parseAll(): Expr {
    const expr = this.expression();
    if (this.peek().t !== 'eof') throw new ParseError('unexpected text after the expression');
    return expr;
  }

  expression(): Expr {
    const condition = this.binary(0);
    if (!this.isOp('?')) return condition;
    this.position += 1;
    const then = this.expression();
    this.expectOp(':');
    return { type: 'conditional', condition, then, else: this.expression() };
  }

  private binary(minimum: number): Expr {
    let left = this.unary();
    for (;;) {
      const token = this.peek();
      const precedence = token.t === 'op' ? BINARY_PRECEDENCE[token.v] : undefined;
      if (precedence === undefined || precedence <= minimum) return left;
      this.position += 1;
      left = { type: 'binary', op: (token as { v: string }).v, left, right: this.binary(precedence) };
    }
  }

  private unary(): Expr {
    if (this.isOp('!') || this.isOp('-')) {
      const op = (this.next() as { v: '!' | '-' }).v;
      return { type: 'unary', op, operand: this.unary() };
    }
    return this.postfix(this.primary());
  }

  private steps(): Step[] {
    const steps: Step[] = [];
    for (;;) {
      if (this.isOp('.')) {
        this.position += 1;
        const token = this.next();
        if (token.t === 'id') steps.push({ type: 'attr', name: token.v });
        else if (token.t === 'num') steps.push({ type: 'index', key: { type: 'literal', value: token.v } });
        else if (token.t === 'op' && token.v === '*') steps.push({ type: 'splat' });
        else throw new ParseError('expected a name after "."');
      } else if (this.isOp('[')) {
        this.position += 1;
        if (this.isOp('*') && this.isOp(']', 1)) {
          this.position += 2;
          steps.push({ type: 'splat' });
        } else {
          const key = this.expression();
          this.expectOp(']');
          steps.push({ type: 'index', key });
        }
      } else return steps;
    }
  }

  private postfix(target: Expr): Expr {
    const steps = this.steps();
    if (steps.length === 0) return target;
    if (target.type === 'traversal') return { ...target, steps: [...target.steps, ...steps] };
    return { type: 'postfix', target, steps };
  }

  private primary(): Expr {
    const token = this.next();
    if (token.t === 'num') return { type: 'literal', value: token.v };
    if (token.t === 'str') {
      const [only] = token.parts;
      if (token.parts.length === 0) return { type: 'literal', value: '' };
      if (token.parts.length === 1 && typeof only === 'string') return { type: 'literal', value: only };
      return { type: 'template', parts: token.parts };
    }
    if (token.t === 'id') {
      if (token.v === 'true' || token.v === 'false') return { type: 'literal', value: token.v === 'true' };
      if (token.v === 'null') return { type: 'literal', value: null };
      if (this.isOp('::')) {
        // provider::name::function(...): a provider-defined function, value unknown.
        let name = token.v;
        while (this.isOp('::')) {
          this.position += 1;
          name += `::${(this.next() as { v: string }).v}`;
        }
        return this.call(name);
      }
      if (this.isOp('(')) return this.call(token.v);
      return { type: 'traversal', root: token.v, steps: [] };
    }
    if (token.t === 'op') {
      if (token.v === '(') {
        const inner = this.expression();
        this.expectOp(')');
        return inner;
      }
      if (token.v === '[') return this.tupleOrFor();
      if (token.v === '{') return this.objectOrFor();
    }
    throw new ParseError('unexpected token');
  }

  private call(name: string): Expr {
    this.expectOp('(');
    const args: Expr[] = [];
    let expandLast = false;
    while (!this.isOp(')')) {
      args.push(this.expression());
      if (this.isOp('...')) {
        this.position += 1;
        expandLast = true;
      }
      if (this.isOp(',')) this.position += 1;
      else break;
    }
    this.expectOp(')');
    return { type: 'call', name, args, expandLast };
  }

  private forHead(): { keyVar?: string; valueVar: string; collection: Expr } {
    this.position += 1; // `for`
    const first = this.next();
    if (first.t !== 'id') throw new ParseError('expected a variable after "for"');
    let keyVar: string | undefined;
    let valueVar = first.v;
    if (this.isOp(',')) {
      this.position += 1;
      const second = this.next();
      if (second.t !== 'id') throw new ParseError('expected a variable');
      keyVar = first.v;
      valueVar = second.v;
    }
    const inToken = this.next();
    if (inToken.t !== 'id' || inToken.v !== 'in') throw new ParseError('expected "in"');
    const collection = this.expression();
    this.expectOp(':');
    return { keyVar, valueVar, collection };
  }

  private isFor(): boolean {
    const token = this.peek();
    return token.t === 'id' && token.v === 'for' && this.peek(1).t === 'id';
  }

  private tupleOrFor(): Expr {
    if (this.isFor()) {
      const head = this.forHead();
      const value = this.expression();
      const condition = this.forCondition();
      this.expectOp(']');
      return { type: 'for', ...head, value, condition, object: false, group: false };
    }
    const items: Expr[] = [];
    while (!this.isOp(']')) {
      items.push(this.expression());
      if (this.isOp(',')) this.position += 1;
      else break;
    }
    this.expectOp(']');
    return { type: 'tuple', items };
  }

  private forCondition(): Expr | undefined {
    const token = this.peek();
    if (token.t === 'id' && token.v === 'if') {
      this.position += 1;
      return this.expression();
    }
    return undefined;
  }

  private objectOrFor(): Expr {
    if (this.isFor()) {
      const head = this.forHead();
      const key = this.expression();
      this.expectOp('=>');
      const value = this.expression();
      let group = false;
      if (this.isOp('...')) {
        this.position += 1;
        group = true;
      }
      const condition = this.forCondition();
      this.expectOp('}');
      return { type: 'for', ...head, key, value, condition, object: true, group };
    }
    const entries: { key: Expr; value: Expr }[] = [];
    while (!this.isOp('}')) {
      const keyToken = this.peek();
      let key: Expr;
      // A bare name is a literal key in an object constructor (`{ name = "web" }`).
      if (keyToken.t === 'id' && (this.isOp('=', 1) || this.isOp(':', 1))) {
        this.position += 1;
        key = { type: 'literal', value: keyToken.v };
      } else key = this.expression();
      if (this.isOp('=') || this.isOp(':')) this.position += 1;
      else throw new ParseError('expected "=" in an object');
      entries.push({ key, value: this.expression() });
      if (this.isOp(',')) this.position += 1;
    }
    this.expectOp('}');
    return { type: 'object', entries };
  }
}

/** Parses one HCL expression (the inside of `${ }`). Never throws: unparseable text is an `invalid` node. */
export function parseExpression(text: string): Expr {
  try {
    return new Parser(tokenize(text)).parseAll();
  } catch (error) {
    if (error instanceof ParseError || error instanceof RangeError) return { type: 'invalid', text };
    throw error;
  }
}

/**
 * The expression an hcl2json string stands for: `"${x}"` is the expression x (keeping its type),
 * `"a-${x}"` a template, `"postgres"` a literal.
 */
export function parseJsonString(text: string): Expr {
  if (!text.includes('${') && !text.includes('%{')) return { type: 'literal', value: text };
  let parts: (string | Expr)[];
  try {
    parts = parseTemplate(text);
  } catch (error) {
    if (error instanceof ParseError) return { type: 'invalid', text };
    throw error;
  }
  if (parts.length === 1 && typeof parts[0] !== 'string') return parts[0]!;
  return { type: 'template', parts };
}
