/**
 * Mojibake: UTF-8 text that was decoded as Windows-1252 or Mac Roman and
 * saved again, so each byte of a character became a character of its own
 * (`é` → `Ã©`, `’` → `â€™`, `✅` → `‚úÖ`). Read back, the bytes are the
 * original text; the question is only whether a run of such characters is
 * mojibake or real text that happens to use them. A reading counts only
 * when it is certain (see `plausible`).
 */

export type Encoding = 'Windows-1252' | 'Mac Roman'

/** Character → the byte (0x80–0xFF) it stands for. */
function byteTable(characters: string): Map<string, number> {
  return new Map([...characters].map((character, index) => [character, 0x80 + index]))
}

const high = Uint8Array.from({length: 128}, (_, index) => 0x80 + index)

/**
 * Windows-1252 is Latin-1 but for 0x80–0x9F, written out here: Node 20's
 * TextDecoder reads those bytes as Latin-1's control characters. (Its five
 * unassigned bytes stay the control characters, as Windows writes them.)
 */
const windows1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ' + new TextDecoder('latin1').decode(high.subarray(32))

const tables: ReadonlyArray<[Encoding, Map<string, number>]> = [
  ['Windows-1252', byteTable(windows1252)],
  ['Mac Roman', byteTable(new TextDecoder('macintosh').decode(high))]
]

/** Runs of two or more characters of the encodings' upper halves. */
const candidate = new RegExp(`[${[...new Set(tables.flatMap(([, table]) => [...table.keys()]))].map((character) => `\\u{${character.codePointAt(0)!.toString(16)}}`).join('')}]{2,}`, 'gu')

/** The length of a UTF-8 sequence its first byte starts, and the range its second byte must fall in. */
function sequence(lead: number): {length: number; low: number; high: number} | undefined {
  if (lead >= 0xc2 && lead <= 0xdf) return {length: 2, low: 0x80, high: 0xbf}
  if (lead === 0xe0) return {length: 3, low: 0xa0, high: 0xbf}
  if (lead === 0xed) return {length: 3, low: 0x80, high: 0x9f}
  if (lead >= 0xe1 && lead <= 0xef) return {length: 3, low: 0x80, high: 0xbf}
  if (lead === 0xf0) return {length: 4, low: 0x90, high: 0xbf}
  if (lead >= 0xf1 && lead <= 0xf3) return {length: 4, low: 0x80, high: 0xbf}
  if (lead === 0xf4) return {length: 4, low: 0x80, high: 0x8f}
  return undefined
}

const utf8 = new TextDecoder('utf-8', {fatal: true})

/** Symbols, punctuation and emoji: what mojibake in plans mostly is, and no real text spells by accident. */
function isSymbol(code: number): boolean {
  return (code >= 0x2000 && code <= 0x2bff) || (code >= 0xfe00 && code <= 0xfe0f) || (code >= 0x1f000 && code <= 0x1faff) || code === 0x200d
}

/** Letters of a script with its own block (Greek to Arabic, CJK, kana, Hangul). */
function isScriptLetter(code: number): boolean {
  return (code >= 0x370 && code <= 0x6ff) || (code >= 0x3040 && code <= 0x30ff) || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0xac00 && code <= 0xd7af)
}

/**
 * Whether decoded characters are a certain reading. Real text does use the
 * characters mojibake is made of (`«É`, `…é`, French `é »`), so:
 * symbols and emoji count alone; Latin letters alone only from the lead
 * bytes that spell Latin-1 (`Ã`/`Â` in Windows-1252, every lead there;
 * `√`/`¬` in Mac Roman, whose other leads are quotes and dashes of real
 * text); letters of other scripts only as a word of two or more.
 */
function plausible(decoded: string, lead: number, encoding: Encoding, run: number): boolean {
  const code = decoded.codePointAt(0)!
  if (isSymbol(code)) return true
  if (code >= 0xa0 && code <= 0x24f) return encoding === 'Windows-1252' || lead === 0xc2 || lead === 0xc3
  return isScriptLetter(code) && run >= 2
}

export interface Misread {
  /** Offsets of the mis-encoded text in the string scanned. */
  start: number
  end: number
  found: string
  /** The text it should be. */
  text: string
  encoding: Encoding
}

interface Piece {
  start: number
  end: number
  text: string
  lead: number
  script: boolean
}

/** The UTF-8 characters hidden in a run of candidate characters, read as one encoding. */
function piecesOf(characters: string[], offsets: number[], table: Map<string, number>): Piece[] {
  const bytes = characters.map((character) => table.get(character) ?? -1)
  const pieces: Piece[] = []
  for (let index = 0; index < bytes.length; ) {
    const shape = sequence(bytes[index]!)
    const tail = shape ? bytes.slice(index + 1, index + shape.length) : []
    const valid =
      shape !== undefined &&
      tail.length === shape.length - 1 &&
      tail[0]! >= shape.low &&
      tail[0]! <= shape.high &&
      tail.every((byte) => byte >= 0x80 && byte <= 0xbf)
    if (!valid) {
      index++
      continue
    }
    const text = utf8.decode(Uint8Array.from(bytes.slice(index, index + shape.length)))
    const end = index + shape.length
    pieces.push({start: offsets[index]!, end: offsets[end - 1]! + characters[end - 1]!.length, text, lead: bytes[index]!, script: isScriptLetter(text.codePointAt(0)!)})
    index = end
  }
  return pieces
}

/** Mis-encoded runs in `text`, each with the text it should be; one per run of adjacent characters. */
export function findMisreads(text: string): Misread[] {
  const found: Misread[] = []
  for (const match of text.matchAll(candidate)) {
    const characters = [...match[0]]
    const offsets: number[] = []
    let offset = match.index
    for (const character of characters) {
      offsets.push(offset)
      offset += character.length
    }
    found.push(...readRun(text, characters, offsets))
  }
  return found
}

function readRun(text: string, characters: string[], offsets: number[]): Misread[] {
  if (characters.length < 2) return []
  // The encoding the run was written in is the one that reads most of it
  // (`‚îú‚îÄ‚îÄ` is a whole tree line in Mac Roman, one letter in Windows-1252).
  let best: Misread[] = []
  let covered = 0
  for (const [encoding, table] of tables) {
    const misreads = readAs(text, characters, offsets, encoding, table)
    const length = misreads.reduce((total, misread) => total + misread.end - misread.start, 0)
    if (length > covered) {
      best = misreads
      covered = length
    }
  }
  return best
}

/** The misreads of a run in one encoding: adjacent UTF-8 characters are one, and each must be a certain reading. */
function readAs(text: string, characters: string[], offsets: number[], encoding: Encoding, table: Map<string, number>): Misread[] {
  const groups: Piece[][] = []
  for (const piece of piecesOf(characters, offsets, table)) {
    const last = groups[groups.length - 1]
    if (last && last[last.length - 1]!.end === piece.start) last.push(piece)
    else groups.push([piece])
  }
  return groups.flatMap((group) => {
    const letters = group.filter((piece) => piece.script).length
    if (!group.every((piece) => plausible(piece.text, piece.lead, encoding, letters))) return []
    const start = group[0]!.start
    const end = group[group.length - 1]!.end
    return [{start, end, found: text.slice(start, end), text: decodedFully(group.map((piece) => piece.text).join('')), encoding}]
  })
}

/** Text misread twice (`ÃƒÂ©`) reads as mojibake again: read it until it is text. */
function decodedFully(decoded: string): string {
  for (let round = 0; round < 3; round++) {
    const again = findMisreads(decoded)
    if (again.length !== 1 || again[0]!.start !== 0 || again[0]!.end !== decoded.length) return decoded
    decoded = again[0]!.text
  }
  return decoded
}
