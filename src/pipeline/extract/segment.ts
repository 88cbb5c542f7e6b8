/**
 * Cutting a report into the parts that can carry evidence and the parts that cannot.
 *
 * Web reports arrive with their page furniture: navigation, bylines, share buttons, donation
 * appeals, "related stories" and, worst, reader comments, which talk about the same places and
 * actors as the article. Boilerplate removal in the spirit of Kohlschütter et al., "Boilerplate
 * Detection using Shallow Text Features" (WSDM 2010): per line, short cue-phrase and shape
 * features decide; a comments header switches the rest of the document to "comment".
 * Sentences are then split with a regex and an abbreviation list (Kiss & Strunk's Punkt, 2006,
 * is the principled version; the abbreviation list is what matters for news).
 */

export type BlockKind = 'body' | 'comment' | 'byline' | 'navigation' | 'donation' | 'related' | 'metadata';

export interface Block {
  kind: BlockKind;
  start: number;
  end: number;
  /** why a block was set aside (the cue that matched) */
  cue?: string;
}

export interface Sentence {
  start: number;
  end: number;
  text: string;
  /** index of the line-block the sentence comes from (sentences in one paragraph share context) */
  block: number;
}

const COMMENTS_HEADER =
  /^\s*(?:\d+\s+)?(?:comments?|responses?|replies|reader comments|discussion)\s*(?:\(\d+\))?\s*:?\s*$|^\s*(?:leave a (?:reply|comment)|join the discussion|add (?:a|your) comment|what do you think\??|show comments)\b/i;
const COMMENT_LINE =
  /^\s*(?:reply|report abuse|like|\d+\s+likes?)\s*$|^[^.!?]{1,60}\s(?:says|said|wrote|commented):\s*$|^\s*(?:posted|submitted|commented) (?:by|on)\b|^\s*[A-Z][a-z]+ \d{1,2},? \d{4} at \d{1,2}:\d{2}\s*(?:am|pm)?\s*$/i;
const BYLINE =
  /^\s*(?:by|written by|posted by|reporting by|editing by|additional reporting by|author:|reporter:|compiled by)\s+\S.{0,80}$|^\s*[-–—]?\s*(?:photo|image|credit|source):\s.{0,80}$/i;
const NAVIGATION =
  /^\s*(?:home|menu|search|share|tweet|print|email|e-mail|facebook|twitter|whatsapp|telegram|linkedin|reddit|follow us|skip to (?:main )?content|back to top|tags?:|categories?:|filed under|copyright|©|all rights reserved|cookies?|privacy policy|terms of (?:use|service)|advertisement|sign (?:in|up)|log ?in|subscribe)\b.{0,100}$|^(?:[^|»›]{1,30}[|»›]){2,}[^|»›]{0,30}$/i;
const DONATION =
  /\bdonat(?:e|ion|ions|ing)\b|\bsupport (?:our|us|independent|this) (?:work|journalism|reporting|site)?|\bpatreon\b|\bpaypal\b|\bbecome a (?:member|patron|subscriber)\b|\bhelp us (?:continue|keep|to)\b|\bmake a (?:contribution|gift)\b/i;
const RELATED_HEADER =
  /^\s*(?:related(?: stories| articles| posts| news| coverage| content)?|read (?:more|also)|see also|you may also like|you might also like|recommended(?: for you)?|more (?:from|on|stories)|most (?:read|popular)|trending(?: now)?|also read|further reading)\s*:?\s*/i;

/**
 * Classify every line of `text`. Lines, not paragraphs, are the unit because page furniture is
 * line-shaped; consecutive body lines are still one paragraph for context.
 */
export function segmentBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let inComments = false;
  let inRelated = false;
  let pos = 0;
  // YAML front matter of Markdown reports: publication metadata, not prose
  const fm = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(text.slice(0, 20_000));
  if (fm) {
    blocks.push({ kind: 'metadata', start: 0, end: fm[0].length, cue: 'front matter' });
    pos = fm[0].length;
  }
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const line = text.slice(pos, nl);
    const trimmed = line.trim();
    const start = pos;
    pos = nl + 1;
    if (trimmed === '') {
      inRelated = false;
      if (nl >= text.length) break;
      continue;
    }
    // the cue tests only look at the first 300 chars: furniture is short, and a 10 MB line
    // must not cost 10 regex scans
    const head = trimmed.length > 300 ? trimmed.slice(0, 300) : trimmed;
    const short = trimmed.length < 160;
    let kind: BlockKind = 'body';
    let cue: string | undefined;
    if (short && HEADER_FIELD.test(head)) {
      kind = 'metadata';
      cue = 'report header field';
    } else if (/^\s*!\[[^\]]*\]\([^)]*\)\s*$/.test(head) || /^\s*<\/?(?:iframe|div|img)\b/i.test(head)) {
      kind = 'navigation';
      cue = 'embedded media';
    } else if (inComments) {
      kind = 'comment';
      cue = 'after comments header';
    } else if (short && COMMENTS_HEADER.test(head)) {
      inComments = true;
      kind = 'comment';
      cue = head;
    } else if (short && COMMENT_LINE.test(head)) {
      kind = 'comment';
      cue = head;
    } else if (RELATED_HEADER.test(head) && (short || /^\s*(?:related|read more|see also)\b/i.test(head))) {
      inRelated = true;
      kind = 'related';
      cue = head.slice(0, 40);
    } else if (inRelated && short && !/[.!?]["”’]?$/.test(trimmed)) {
      kind = 'related';
      cue = 'list after related header';
    } else if (short && BYLINE.test(head)) {
      kind = 'byline';
      cue = head;
    } else if (trimmed.length < 400 && DONATION.test(head)) {
      kind = 'donation';
      cue = head.slice(0, 60);
    } else if (short && NAVIGATION.test(head)) {
      kind = 'navigation';
      cue = head.slice(0, 40);
    }
    if (kind === 'body') inRelated = false;
    blocks.push({ kind, start: start + line.indexOf(trimmed[0]), end: start + line.length - (line.length - line.trimEnd().length), cue });
    if (nl >= text.length) break;
  }
  return blocks;
}

/** "Location: ...", "Date: ...": a field report's header line (read by header.ts, not as prose). */
export const HEADER_FIELD =
  /^[\s*_>#-]*(location|date(?: of (?:the )?(?:attack|incident))?|time(?: of (?:the )?attack)?|attacks?|reported (?:killed|casualties|dead|deaths|injured)|casualties|killed|injured|potentially responsible|perpetrators?|responsible|munitions identified|target|hospital|beneficiaries|claimed targets|missing)\s*:\s*(.*?)[\s*_\\]*$/i;

const ABBREV = new Set(
  'mr mrs ms dr prof gen lt col maj capt sgt st jan feb mar apr jun jul aug sep sept oct nov dec no vs etc approx est dept govt u.s u.n u.k e.g i.e al jr sr brig adm rep sen gov'.split(' '),
);
/** Longest sentence handed on: beyond this a "sentence" is a pathological line and is cut at a space. */
export const MAX_SENTENCE = 1200;

/** Sentences of the body blocks, with absolute offsets into the report. */
export function splitSentences(text: string, blocks: Block[]): Sentence[] {
  const out: Sentence[] = [];
  blocks.forEach((b, bi) => {
    if (b.kind !== 'body') return;
    let s = b.start;
    const re = /[.!?؟]+["'”’)\]]*(?=\s+["“'‘(]?[\p{Lu}\p{N}\p{Script=Arabic}])/gu;
    re.lastIndex = b.start;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const endPunct = m.index + m[0].length;
      if (endPunct >= b.end) break;
      if (m[0][0] === '.' && m[0].length === 1) {
        const wordStart = Math.max(text.lastIndexOf(' ', m.index - 1) + 1, s);
        const word = text.slice(wordStart, m.index).toLowerCase().replace(/^[("“'‘]+/, '');
        // "Dec. 28", "U.S. forces", single initials "J. Smith"
        if (ABBREV.has(word) || /^[a-z]$/.test(word) || /^(?:[a-z]\.)+[a-z]$/.test(word)) continue;
      }
      pushCapped(out, text, s, endPunct, bi);
      s = endPunct;
      while (s < b.end && /\s/.test(text[s])) s++;
    }
    if (s < b.end) pushCapped(out, text, s, b.end, bi);
  });
  return out;
}

function pushCapped(out: Sentence[], text: string, start: number, end: number, block: number): void {
  while (end - start > MAX_SENTENCE) {
    let cut = text.lastIndexOf(' ', start + MAX_SENTENCE);
    if (cut <= start + MAX_SENTENCE / 2) cut = start + MAX_SENTENCE;
    out.push({ start, end: cut, text: text.slice(start, cut), block });
    start = cut;
    while (start < end && text[start] === ' ') start++;
  }
  if (end > start) out.push({ start, end, text: text.slice(start, end), block });
}
