/**
 * Family knowledge as data: what a preset knows of its template family —
 * its document structure, how it writes placeholders and tasks, its
 * templates — and which rules it turns on. Rules read this through the plan
 * (`plan.family`); no rule branches on a family's name. A preset is a
 * `PresetSchema` in presets/, or a YAML or JSON file of the same shape named
 * in a config (`presets: {ours: ./ours.preset.yaml}`).
 */
import type {StructureSpec} from './plan/structure.js'
import type {RuleSetting} from './types.js'

/** How a family writes placeholders: the defaults of `no-placeholders`. */
export interface PlaceholderStyle {
  /** `[Bracketed text]`. */
  brackets?: boolean
  /** `<angle text>` that is not an HTML element. */
  angles?: boolean
  /** `{braced}` text: `upper` for `{UPPER_SNAKE}` and several words, `all` for any word. */
  braces?: 'off' | 'upper' | 'all'
  /** Bracket contents that are the family's real markers (regular expressions, whole content). */
  bracketMarkers?: string[]
  /** Extra fill-in words. */
  markers?: string[]
  /** Tokens that are fine under one section, by heading. */
  allowIn?: Record<string, string[]>
  /** The template's placeholders that are placeholders inside code too (exact tokens). */
  inCode?: string[]
}

/** How a family writes its tasks. Absent: any `T` ID, form not checked. */
export interface TaskConventions {
  /**
   * The ID form: `T000` (T and three digits, `T012`; a team prefix and a
   * letter suffix allowed), `phase.step` (`Task 1.2`, 1 the phase's number)
   * or `any` (`T` IDs of any width, form not checked).
   */
  id: 'T000' | 'phase.step' | 'any'
  /** Markers may come before the ID: `[P] Task 1.1`. */
  markersBeforeId?: boolean
  /** Task headings are tasks: `### T001: Add the board`. */
  headings?: boolean
  /** A plain list item (no checkbox) that starts with an ID is a task, in a phase section. */
  plainItems?: boolean
  /** One document writes IDs one way: with a colon (`T001:`) or without. */
  consistentColon?: boolean
  /** Each task heading is wrapped in `<!-- TASK:BEGIN id=… -->` … `<!-- TASK:END -->`. */
  blockComments?: boolean
  /** The task markers the family defines; any other marker after an ID is reported. */
  markers?: {
    /** The parallel marker's content, a regular expression (`P`). */
    parallel: string
    /** A story marker's content, a regular expression whose group 1 is the story number (`US(\d+)…`). */
    story: string
    /** How messages name the markers: `[P] and [USn]`. */
    names: string
    /** A story's marker, `{n}` its number (default `US{n}`): what a task in story 2 should carry. */
    storyMarker?: string
  }
  /** Over a phase heading's key: group 1 holds the numbers of the user stories the phase is for (`1`, `1 and 2`, `1 us6`). */
  storyPhase?: string
  /** Over a phase heading's key: phases whose tasks carry no story marker; group 1 names it. */
  sharedPhase?: string
  /** Whether a task must name the files it changes (`allow`, `warn`, `error`). */
  filePaths?: 'allow' | 'warn' | 'error'
  /** Sizes a task's `**Size:**` field may have (first word). */
  sizes?: string[]
  /** A task's `**Dependencies:**` field is `None` or task IDs. */
  dependencyField?: boolean
  /** The dependency section names only phases and user stories the plan has. */
  dependencySection?: boolean
}

/**
 * A family whose documents of one feature live together (spec-kit's
 * `specs/NNN-feature/`): their file names, and how the spec names the user
 * stories and requirements the other documents refer to.
 */
export interface FolderConventions {
  /** The folder's documents by role, as file names. */
  files: {spec: string; plan: string; tasks: string}
  /** Over a spec heading's text: a user story; group 1 its number, group 2 its title. */
  story: string
  /** Over a story heading's text: its priority, group 1 (`(Priority: P1)` → 1). */
  priority: string
  /** A requirement ID (`FR-001`, `SC-004`); group 1 its kind (`FR`). */
  requirement: string
  /** What a requirement ID written another way looks like (`FR-1`, `FR001`); group 1 its kind. */
  requirementLike?: string
  /** Over a story's text: words of its acceptance scenarios (`Given`, `Acceptance Scenarios`); a story without them is reported. */
  scenario?: string
  /** The plan's section that lays out the project's files (`Project Structure`), in trees of code blocks. */
  structureSection?: string
}

export interface PresetSchema {
  name: string
  /** One line: which documents the preset is for. */
  description: string
  /** The family's document structure, read by the structure rules and by detection. */
  structure?: StructureSpec
  placeholders?: PlaceholderStyle
  tasks?: TaskConventions
  /** The family's templates: shipped names (`spec-kit-plan`) or paths, for no-template-text. */
  templates?: string[]
  /** Wording (regular expressions over normalised words) that makes template text an instruction. */
  instructions?: string[]
  /**
   * Template sections whose text the family's generated plans keep on
   * purpose (regular expressions over heading keys): a command's own process,
   * such as spec-kit v0's Execution Flow. Code copied unchanged there is no sample.
   */
  keptSections?: string[]
  folder?: FolderConventions
  /** Rule settings; rules not listed are off. */
  rules: Record<string, RuleSetting>
}

/** The family a rule sees when none is given (a rule used alone with `remark --use`). */
export const noFamily: PresetSchema = {name: 'none', description: 'no family', rules: {}}

/** The JSON Schema of a preset file: checked when a config names one. */
export const presetSchemaSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['rules'],
  properties: {
    name: {type: 'string', minLength: 1},
    description: {type: 'string'},
    extends: {type: 'string', description: 'A built-in preset whose rules this one starts from.'},
    structure: {type: 'object'},
    placeholders: {
      type: 'object',
      additionalProperties: false,
      properties: {
        brackets: {type: 'boolean'},
        angles: {type: 'boolean'},
        braces: {enum: ['off', 'upper', 'all']},
        bracketMarkers: {type: 'array', items: {type: 'string', format: 'regex'}},
        markers: {type: 'array', items: {type: 'string', minLength: 1}},
        allowIn: {type: 'object', additionalProperties: {type: 'array', items: {type: 'string'}}},
        inCode: {type: 'array', items: {type: 'string', minLength: 1}}
      }
    },
    tasks: {
      type: 'object',
      additionalProperties: false,
      required: ['id'],
      properties: {
        id: {enum: ['T000', 'phase.step', 'any']},
        markersBeforeId: {type: 'boolean'},
        headings: {type: 'boolean'},
        plainItems: {type: 'boolean'},
        consistentColon: {type: 'boolean'},
        blockComments: {type: 'boolean'},
        markers: {
          type: 'object',
          additionalProperties: false,
          required: ['parallel', 'story', 'names'],
          properties: {
            parallel: {type: 'string', format: 'regex'},
            story: {type: 'string', format: 'regex'},
            names: {type: 'string'},
            storyMarker: {type: 'string', pattern: '\\{n\\}'}
          }
        },
        storyPhase: {type: 'string', format: 'regex'},
        sharedPhase: {type: 'string', format: 'regex'},
        filePaths: {enum: ['allow', 'warn', 'error']},
        sizes: {type: 'array', items: {type: 'string'}},
        dependencyField: {type: 'boolean'},
        dependencySection: {type: 'boolean'}
      }
    },
    templates: {type: 'array', items: {type: 'string', minLength: 1}},
    instructions: {type: 'array', items: {type: 'string', format: 'regex'}},
    keptSections: {type: 'array', items: {type: 'string', format: 'regex'}},
    folder: {
      type: 'object',
      additionalProperties: false,
      required: ['files', 'story', 'priority', 'requirement'],
      properties: {
        files: {
          type: 'object',
          additionalProperties: false,
          required: ['spec', 'plan', 'tasks'],
          properties: {spec: {type: 'string', minLength: 1}, plan: {type: 'string', minLength: 1}, tasks: {type: 'string', minLength: 1}}
        },
        story: {type: 'string', format: 'regex'},
        priority: {type: 'string', format: 'regex'},
        requirement: {type: 'string', format: 'regex'},
        requirementLike: {type: 'string', format: 'regex'},
        scenario: {type: 'string', format: 'regex'},
        structureSection: {type: 'string', minLength: 1}
      }
    },
    rules: {type: 'object'}
  }
}
