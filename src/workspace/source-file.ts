/**
 * A parsed YAML (or JSON) file that remembers where every value came from, so that a problem found
 * in the data can be reported at its line and column. JSON is valid YAML 1.2, which lets GeoJSON
 * zone files share this code.
 */
import { isMap, isScalar, isSeq, LineCounter, type Node, type ParsedNode, parseDocument } from 'yaml';
import { type Problem, type ProblemCode, fieldPath, type Severity } from './problem.js';

export type PathSeg = string | number;

/** Keys YAML 1.1 reads as booleans (https://yaml.org/type/bool.html); YAML 1.2 reads them as strings. */
const YAML11_BOOLEANS = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;

export class SourceFile {
  readonly lineCounter = new LineCounter();
  readonly doc;
  readonly problems: Problem[] = [];

  constructor(
    /** workspace-relative path used in problems */
    readonly file: string,
    readonly text: string,
  ) {
    // uniqueKeys (the default) turns duplicate keys into errors; the core schema is YAML 1.2,
    // so dates stay strings and `on`/`yes` are not booleans.
    // logLevel 'error': a key that is a mapping would make yaml print a process warning when
    // converted to JS; checkKeys reports it as a problem instead.
    this.doc = parseDocument(text, {
      lineCounter: this.lineCounter,
      prettyErrors: false,
      schema: 'core',
      logLevel: 'error',
    });
    for (const e of this.doc.errors) {
      const pos = this.lineCounter.linePos(e.pos[0]);
      // a duplicate key is a duplicate id (two zones `dmz:`); the rest of the file still reads
      const dup = e.code === 'DUPLICATE_KEY' ? /^["']?([^:"'\n]*)/.exec(text.slice(e.pos[0]))?.[1]?.trim() : undefined;
      this.problems.push({
        file,
        line: pos.line,
        column: pos.col,
        field: '',
        code: dup !== undefined ? 'duplicate-id' : 'yaml-syntax',
        message:
          dup !== undefined
            ? `key \`${dup}\` appears twice in the same mapping`
            : e.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, ''),
        severity: 'error',
      });
    }
    if (this.ok) this.checkKeys(this.doc.contents, []);
  }

  /** Can the file be read as data? (Duplicate keys are reported but do not stop the checks.) */
  get ok(): boolean {
    return this.doc.errors.every((e) => e.code === 'DUPLICATE_KEY');
  }

  /**
   * The plain JS value (strings for dates, numbers, arrays, objects), or undefined with a problem
   * when it cannot be built (an alias bomb: yaml refuses to expand more than maxAliasCount).
   */
  value(): unknown {
    try {
      return this.doc.toJS({ maxAliasCount: 1000 });
    } catch (err) {
      this.add([], 'yaml-syntax', err instanceof Error ? err.message : String(err));
      return undefined;
    }
  }

  /** 1-based line and column of an offset. */
  pos(offset: number): { line: number; column: number } {
    const p = this.lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  }

  /**
   * Locate `path`: the value's node, or with `key: true` the key of the last segment (for unknown
   * fields). A path that does not exist (a missing field) resolves to the deepest existing parent.
   */
  locate(path: readonly PathSeg[], opts: { key?: boolean } = {}): { line: number; column: number } {
    let node: Node | null | undefined = this.doc.contents as Node | null;
    let best: Node | null | undefined = node;
    for (let i = 0; i < path.length && node; i++) {
      const seg = path[i];
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break;
        if (last && opts.key && pair.key) {
          best = pair.key as Node;
          node = null;
          break;
        }
        node = pair.value as Node | null;
        // `key:` with no value: point at the key
        best = node ?? (pair.key as Node);
      } else if (isSeq(node) && typeof seg === 'number') {
        node = node.items[seg] as Node | undefined;
        if (node) best = node;
      } else {
        break;
      }
    }
    const range = (best as ParsedNode | null | undefined)?.range;
    return range ? this.pos(range[0]) : { line: 1, column: 1 };
  }

  /** Does the mapping at `path` minus its last segment have that last segment as a plain key? */
  hasScalarKey(path: readonly PathSeg[]): boolean {
    const parent = path.length <= 1 ? this.doc.contents : this.doc.getIn(path.slice(0, -1), true);
    const last = String(path[path.length - 1]);
    return isMap(parent) && parent.items.some((p) => isScalar(p.key) && String(p.key.value) === last);
  }

  problem(
    path: readonly PathSeg[],
    code: ProblemCode,
    message: string,
    opts: { key?: boolean; severity?: Severity } = {},
  ): Problem {
    const p = this.locate(path, opts);
    return { file: this.file, ...p, field: fieldPath(path), code, message, severity: opts.severity ?? 'error' };
  }

  add(path: readonly PathSeg[], code: ProblemCode, message: string, opts: { key?: boolean; severity?: Severity } = {}) {
    this.problems.push(this.problem(path, code, message, opts));
  }

  /** Keys must be plain scalars; flag the YAML 1.1 boolean words among them. */
  private checkKeys(node: unknown, path: PathSeg[]): void {
    if (isMap(node)) {
      for (const pair of node.items) {
        const k = pair.key;
        if (isScalar(k) && typeof k.value === 'string' && k.type === 'PLAIN' && YAML11_BOOLEANS.test(k.value)) {
          this.add(
            [...path, k.value],
            'yaml11-boolean-key',
            `key \`${k.value}\` is a boolean in YAML 1.1 parsers; quote it or rename it`,
            { key: true },
          );
        }
        if (k !== null && !isScalar(k)) {
          const at = (k as ParsedNode).range;
          const pos = at ? this.pos(at[0]) : { line: 1, column: 1 };
          this.problems.push({
            file: this.file,
            ...pos,
            field: fieldPath(path),
            code: 'invalid-type',
            message: 'a key must be a plain value, not a list or mapping',
            severity: 'error',
          });
          continue;
        }
        const key = isScalar(k) ? (k.value as PathSeg) : String(k);
        this.checkKeys(pair.value, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        this.checkKeys(item, [...path, i]);
      });
    }
  }
}
