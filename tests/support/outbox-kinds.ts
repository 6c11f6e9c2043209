/**
 * Every outbox kind the code can enqueue, read from the source with the TypeScript compiler: each object literal
 * typed as a NewOutboxMessage (store/outbox.ts), and what its `kind` can be. A string literal (or a literal type) is
 * taken as it is; a `const` is followed to its value, `a ?? b` and `c ? a : b` to both sides, a parameter to every
 * call of its function (or its default), and `x.kind` to the `kind` of every object literal of x's type (a Reply, a
 * FlowReply, ...). What cannot be followed is listed as unresolved, so a new way of passing a kind shows up in the
 * test instead of slipping past it.
 */
import { resolve } from 'node:path';
import ts from 'typescript';

/** The kinds found, with where each is enqueued, and the expressions that could not be followed. */
export interface EnqueuedKinds {
  kinds: Map<string, Set<string>>;
  unresolved: string[];
}

/** Reads src/ of the project at `root`. */
export function enqueuedOutboxKinds(root: string): EnqueuedKinds {
  const cfg = ts.getParsedCommandLineOfConfigFile(resolve(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!cfg) throw new Error('tsconfig.json not readable');
  const src = resolve(root, 'src');
  const program = ts.createProgram({ rootNames: cfg.fileNames.filter((f) => f.startsWith(src)), options: cfg.options });
  const checker = program.getTypeChecker();
  const files = program.getSourceFiles().filter((f) => f.fileName.startsWith(src) && !f.isDeclarationFile);
  const where = (n: ts.Node): string => {
    const f = n.getSourceFile();
    return `${f.fileName.slice(root.length + 1)}:${f.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  };

  // Every object literal with a `kind`, and every call, once: the resolver looks things up in them.
  const literals: ts.ObjectLiteralExpression[] = [];
  const calls: (ts.CallExpression | ts.NewExpression)[] = [];
  const walk = (n: ts.Node): void => {
    if (ts.isObjectLiteralExpression(n) && kindOf(n)) literals.push(n);
    if (ts.isCallExpression(n) || ts.isNewExpression(n)) calls.push(n);
    ts.forEachChild(n, walk);
  };
  files.forEach((f) => ts.forEachChild(f, walk));

  /** The named or anonymous type symbols an object literal is written for. */
  const contextSymbols = (o: ts.ObjectLiteralExpression): Set<ts.Symbol> => {
    const out = new Set<ts.Symbol>();
    const add = (t: ts.Type | undefined): void => {
      if (!t) return;
      if (t.isUnion()) t.types.forEach(add);
      const s = t.getSymbol() ?? t.aliasSymbol;
      if (s) out.add(s);
    };
    add(checker.getContextualType(o));
    return out;
  };
  function kindOf(o: ts.ObjectLiteralExpression): ts.Expression | undefined {
    const p = o.properties.find((x) => x.name !== undefined && ts.isIdentifier(x.name) && x.name.text === 'kind');
    if (!p) return undefined;
    if (ts.isPropertyAssignment(p)) return p.initializer;
    if (ts.isShorthandPropertyAssignment(p)) return p.name;
    return undefined;
  }

  const unresolved: string[] = [];
  const seen = new Set<ts.Node>();
  const literalTypes = (t: ts.Type): string[] | undefined => {
    const parts = t.isUnion() ? t.types : [t];
    const values = parts.map((x) => (x.isStringLiteral() ? x.value : undefined));
    return values.every((v): v is string => v !== undefined) ? values : undefined;
  };

  /** The string values `e` can have. */
  const valuesOf = (e: ts.Expression): string[] => {
    if (seen.has(e)) return [];
    seen.add(e);
    if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e)) return valuesOf(e.expression);
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [e.text];
    const typed = literalTypes(checker.getTypeAtLocation(e));
    if (typed) return typed;
    if (ts.isBinaryExpression(e) && (e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
      return [...valuesOf(e.left), ...valuesOf(e.right)];
    }
    if (ts.isConditionalExpression(e)) return [...valuesOf(e.whenTrue), ...valuesOf(e.whenFalse)];
    if (ts.isIdentifier(e)) {
      const symbol = ts.isShorthandPropertyAssignment(e.parent) ? checker.getShorthandAssignmentValueSymbol(e.parent) : checker.getSymbolAtLocation(e);
      const decl = symbol?.valueDeclaration;
      if (decl && ts.isVariableDeclaration(decl) && decl.initializer) return valuesOf(decl.initializer);
      if (decl && ts.isParameter(decl)) return parameterValues(decl);
    }
    if (ts.isPropertyAccessExpression(e) && e.name.text === 'kind') return kindsOfType(e.expression);
    unresolved.push(`${where(e)}: ${e.getText()}`);
    return [];
  };

  /** A parameter: what every call passes in its place, and its default when a call leaves it out. */
  const parameterValues = (p: ts.ParameterDeclaration): string[] => {
    const fn = p.parent as ts.SignatureDeclaration;
    const index = fn.parameters.indexOf(p);
    const name = fn.name && ts.isIdentifier(fn.name) ? fn.name.text : undefined;
    const out: string[] = [];
    let callers = 0;
    for (const c of calls) {
      // Only calls by the same name are resolved (resolving every call of the program is slow).
      const callee = ts.isPropertyAccessExpression(c.expression) ? c.expression.name.text : ts.isIdentifier(c.expression) ? c.expression.text : undefined;
      if (name === undefined || callee !== name) continue;
      if (checker.getResolvedSignature(c)?.declaration !== fn) continue;
      callers++;
      const arg = c.arguments?.[index];
      if (arg) out.push(...valuesOf(arg));
      else if (p.initializer) out.push(...valuesOf(p.initializer));
    }
    if (!callers) unresolved.push(`${where(p)}: parameter ${p.getText()} with no call found`);
    return out;
  };

  /** `x.kind`: the kind of every object literal written as x's type. */
  const kindsOfType = (x: ts.Expression): string[] => {
    const t = checker.getNonNullableType(checker.getTypeAtLocation(x));
    const symbols = new Set((t.isUnion() ? t.types : [t]).map((y) => y.getSymbol() ?? y.aliasSymbol).filter((s): s is ts.Symbol => s !== undefined));
    const out: string[] = [];
    let found = 0;
    for (const o of literals) {
      if (![...contextSymbols(o)].some((s) => symbols.has(s))) continue;
      const k = kindOf(o);
      if (!k) continue;
      found++;
      out.push(...valuesOf(k));
    }
    if (!found) unresolved.push(`${where(x)}: ${x.getText()}.kind (no object literal of its type sets a kind)`);
    return out;
  };

  const kinds = new Map<string, Set<string>>();
  for (const o of literals) {
    if (![...contextSymbols(o)].some((s) => s.getName() === 'NewOutboxMessage')) continue;
    const k = kindOf(o)!;
    seen.clear();
    for (const v of valuesOf(k)) {
      if (!kinds.has(v)) kinds.set(v, new Set());
      kinds.get(v)!.add(where(o));
    }
  }
  return { kinds, unresolved };
}
