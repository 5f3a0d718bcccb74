/**
 * Vocabulary and sentence builders for the generated plans. Everything is
 * drawn from a seeded Rng, so the same seed writes the same words. The text
 * avoids what planlint reports on purpose (bracketed or braced placeholders,
 * fill-in words, template sentences), so a generated plan is a filled plan.
 */
import type {Rng} from './prng.js'

export interface Stack {
  language: string
  runtime: string
  framework: string
  deps: string[]
  storage: string
  testing: string
  src: string
  tests: string
  ext: string
  /** File name style: camel (`rateLimit.ts`), snake (`rate_limit.py`) or pascal (`RateLimit.swift`). */
  naming: 'camel' | 'snake' | 'pascal' | 'kebab'
  testSuffix: string
  codeLang: string
  packageFile: string
  linter: string
}

export const stacks: Stack[] = [
  {language: 'TypeScript 5.4', runtime: 'Node.js 20 LTS', framework: 'Express 4.19', deps: ['zod 3', 'ioredis 5', 'pino 9'], storage: 'PostgreSQL 15', testing: 'Vitest and supertest', src: 'src', tests: 'tests', ext: 'ts', naming: 'camel', testSuffix: '.test.ts', codeLang: 'ts', packageFile: 'package.json', linter: 'ESLint'},
  {language: 'TypeScript 5.5', runtime: 'Node.js 22', framework: 'Fastify 4', deps: ['Prisma 5', 'BullMQ 5', 'undici 6'], storage: 'PostgreSQL 16', testing: 'Vitest', src: 'src', tests: 'test', ext: 'ts', naming: 'kebab', testSuffix: '.spec.ts', codeLang: 'ts', packageFile: 'package.json', linter: 'Biome'},
  {language: 'Python 3.12', runtime: 'CPython 3.12', framework: 'FastAPI 0.111', deps: ['SQLAlchemy 2.0', 'pydantic 2', 'httpx 0.27'], storage: 'PostgreSQL 16', testing: 'pytest', src: 'app', tests: 'tests', ext: 'py', naming: 'snake', testSuffix: '_test.py', codeLang: 'python', packageFile: 'pyproject.toml', linter: 'Ruff'},
  {language: 'Python 3.11', runtime: 'CPython 3.11', framework: 'Django 5.0', deps: ['Celery 5', 'django-rest-framework 3.15', 'boto3'], storage: 'PostgreSQL 14', testing: 'pytest-django', src: 'core', tests: 'tests', ext: 'py', naming: 'snake', testSuffix: '_test.py', codeLang: 'python', packageFile: 'requirements.txt', linter: 'Ruff'},
  {language: 'Go 1.22', runtime: 'Go 1.22', framework: 'chi 5', deps: ['pgx 5', 'zerolog', 'testify'], storage: 'PostgreSQL 16', testing: 'go test with testcontainers-go', src: 'internal', tests: 'integration', ext: 'go', naming: 'snake', testSuffix: '_test.go', codeLang: 'go', packageFile: 'go.mod', linter: 'golangci-lint'},
  {language: 'Rust 1.78', runtime: 'tokio 1', framework: 'axum 0.7', deps: ['sqlx 0.7', 'serde 1', 'tracing 0.1'], storage: 'SQLite 3.45', testing: 'cargo test and insta snapshots', src: 'src', tests: 'tests', ext: 'rs', naming: 'snake', testSuffix: '_test.rs', codeLang: 'rust', packageFile: 'Cargo.toml', linter: 'clippy'},
  {language: 'Kotlin 1.9', runtime: 'JVM 21', framework: 'Ktor 2.3', deps: ['Exposed 0.50', 'kotlinx.serialization', 'Koin 3'], storage: 'MySQL 8', testing: 'JUnit 5 and Kotest', src: 'src/main/kotlin', tests: 'src/test/kotlin', ext: 'kt', naming: 'pascal', testSuffix: 'Test.kt', codeLang: 'kotlin', packageFile: 'build.gradle.kts', linter: 'detekt'},
  {language: 'Swift 5.10', runtime: 'iOS 17 and macOS 14', framework: 'SwiftUI', deps: ['SwiftData', 'swift-collections', 'KeychainAccess'], storage: 'SwiftData with CloudKit sync', testing: 'XCTest', src: 'Sources/App', tests: 'Tests/AppTests', ext: 'swift', naming: 'pascal', testSuffix: 'Tests.swift', codeLang: 'swift', packageFile: 'Package.swift', linter: 'SwiftLint'},
  {language: 'Ruby 3.3', runtime: 'Ruby 3.3', framework: 'Rails 7.1', deps: ['Sidekiq 7', 'Pundit 2', 'Faraday 2'], storage: 'PostgreSQL 15', testing: 'RSpec', src: 'app', tests: 'spec', ext: 'rb', naming: 'snake', testSuffix: '_spec.rb', codeLang: 'ruby', packageFile: 'Gemfile', linter: 'RuboCop'},
  {language: 'C# 12', runtime: '.NET 8', framework: 'ASP.NET Core 8', deps: ['EF Core 8', 'Polly 8', 'Serilog 3'], storage: 'SQL Server 2022', testing: 'xUnit and FluentAssertions', src: 'src/Api', tests: 'tests/Api.Tests', ext: 'cs', naming: 'pascal', testSuffix: 'Tests.cs', codeLang: 'csharp', packageFile: 'Api.csproj', linter: 'dotnet format'}
]

const productNames = [
  'Bookshelf', 'Basket', 'ledgr', 'Quillwiki', 'Fernhill', 'Tidepool', 'Harbor', 'Lumen', 'Orchard', 'Pinecone',
  'Kestrel', 'Driftwood', 'Atlas', 'Juniper', 'Marlin', 'Beacon', 'Cobalt', 'Sparrow', 'Meridian', 'Foxglove',
  'Lantern', 'Nimbus', 'Ridgeline', 'Saffron', 'Tandem', 'Umbra', 'Waypoint', 'Yarrow', 'Zephyr', 'Copperleaf'
]

const productKinds = ['API', 'CLI', 'web app', 'mobile app', 'admin dashboard', 'billing service', 'booking portal', 'data pipeline', 'desktop app', 'sync service']

interface Topic {
  /** Title words, e.g. "Per-Client Rate Limiting". */
  title: string
  /** Nouns the plan talks about. */
  nouns: string[]
  /** Code areas (folder names). */
  areas: string[]
}

const topics: Topic[] = [
  {title: 'Per-Client Rate Limiting', nouns: ['rate limiter', 'sliding window', 'quota', 'API key', 'plan limit'], areas: ['ratelimit', 'middleware']},
  {title: 'CSV Export', nouns: ['exporter', 'date range', 'delimiter', 'row stream', 'category filter'], areas: ['exporters', 'commands']},
  {title: 'Offline Sync', nouns: ['outbox', 'sync engine', 'conflict rule', 'local store', 'sync cursor'], areas: ['offline', 'sync']},
  {title: 'Self-Service Password Reset', nouns: ['reset token', 'reset email', 'password policy', 'session revocation', 'login form'], areas: ['auth', 'mail']},
  {title: 'Full-Text Search', nouns: ['search index', 'ranking function', 'snippet', 'query parser', 'result page'], areas: ['search', 'index']},
  {title: 'Webhook Delivery Retries', nouns: ['webhook', 'delivery attempt', 'signing secret', 'retry schedule', 'dead-letter queue'], areas: ['webhooks', 'delivery']},
  {title: 'Audit Log', nouns: ['audit event', 'retention policy', 'actor', 'event stream', 'export bundle'], areas: ['audit', 'events']},
  {title: 'Multi-Tenant Billing', nouns: ['invoice', 'usage record', 'price plan', 'proration', 'payment intent'], areas: ['billing', 'invoices']},
  {title: 'Scheduled Reports', nouns: ['report schedule', 'report template', 'recipient list', 'render job', 'delivery window'], areas: ['reports', 'scheduler']},
  {title: 'Role-Based Access Control', nouns: ['role', 'permission', 'policy check', 'team membership', 'access review'], areas: ['authz', 'policies']},
  {title: 'Image Upload Pipeline', nouns: ['upload', 'thumbnail', 'virus scan', 'storage bucket', 'content hash'], areas: ['uploads', 'media']},
  {title: 'Feature Flags', nouns: ['feature flag', 'rollout percentage', 'targeting rule', 'flag evaluation', 'kill switch'], areas: ['flags', 'config']},
  {title: 'Appointment Reminders', nouns: ['reminder', 'appointment', 'SMS template', 'time zone', 'opt-out list'], areas: ['reminders', 'notifications']},
  {title: 'Inventory Reservations', nouns: ['reservation', 'stock level', 'hold expiry', 'warehouse', 'order line'], areas: ['inventory', 'orders']},
  {title: 'Kanban Board', nouns: ['board column', 'card', 'drag handle', 'swimlane', 'work-in-progress limit'], areas: ['board', 'ui']},
  {title: 'Two-Factor Authentication', nouns: ['one-time code', 'recovery code', 'authenticator app', 'trusted device', 'login challenge'], areas: ['auth', 'mfa']},
  {title: 'Metrics Dashboard', nouns: ['metric', 'time series', 'chart panel', 'aggregation job', 'alert threshold'], areas: ['metrics', 'dashboard']},
  {title: 'Bulk Import', nouns: ['import file', 'column mapping', 'validation report', 'import batch', 'duplicate check'], areas: ['imports', 'validation']},
  {title: 'Comment Threads', nouns: ['comment', 'mention', 'thread', 'notification digest', 'moderation queue'], areas: ['comments', 'threads']},
  {title: 'Data Retention Cleanup', nouns: ['retention rule', 'purge job', 'legal hold', 'archive bucket', 'deletion report'], areas: ['retention', 'jobs']},
  {title: 'Calendar Integration', nouns: ['calendar event', 'OAuth grant', 'busy slot', 'sync token', 'invite'], areas: ['calendar', 'integrations']},
  {title: 'Shipment Tracking', nouns: ['shipment', 'carrier event', 'tracking number', 'delivery estimate', 'status page'], areas: ['shipping', 'tracking']},
  {title: 'Localization Support', nouns: ['translation key', 'locale', 'plural rule', 'message catalog', 'date format'], areas: ['i18n', 'locales']},
  {title: 'Workspace Invitations', nouns: ['invitation', 'workspace', 'seat limit', 'invite link', 'acceptance flow'], areas: ['workspaces', 'invites']}
]

const titleLeads = ['', '', '', 'Incremental ', 'Bulk ', 'Scheduled ', 'Encrypted ', 'Real-Time ', 'Per-Team ', 'Resumable ']

const verbs = ['validates', 'stores', 'streams', 'retries', 'batches', 'caches', 'indexes', 'renders', 'schedules', 'publishes', 'deduplicates', 'encrypts', 'paginates', 'throttles', 'reconciles', 'archives', 'records', 'normalises']
const qualifiers = [
  'in batches of %n',
  'before the response is sent',
  'with exponential backoff capped at %n seconds',
  'inside a single database transaction',
  'behind the `%flag` feature flag',
  'for every tenant separately',
  'without blocking the request thread',
  'with a %n-second TTL',
  'on a background worker',
  'once per deploy',
  'only after the caller is authorised',
  'in the order the events arrived'
]
const goals = [
  'support can answer tickets without database access',
  'p95 latency stays under %n ms',
  'a partial failure never leaves orphaned rows',
  'the on-call engineer sees the cause in one log line',
  'a retry never sends the same message twice',
  'the existing clients keep working unchanged',
  'the largest customers stay within their quota',
  'the migration can be rolled back in one step',
  'nothing is lost when the process restarts',
  'the mobile clients can back off before they hit a limit',
  'product can measure adoption from the first day',
  'a reviewer can follow each change from the plan to the commit'
]
const reasons = [
  'the current implementation loads everything into memory',
  'last quarter %n support tickets were about this',
  'the old code path has no tests',
  'two teams already depend on the interface',
  'the vendor API allows only %n requests per minute',
  'users on slow networks see timeouts today',
  'the data set grew tenfold since the last redesign',
  'the security review in March asked for it'
]
const people = ['Priya Raman', 'Marco Silva', 'Helen Ashby', 'Tomasz Nowak', 'Aiko Tanaka', 'Daniel Okafor', 'Sofia Lindqvist', 'Ravi Menon', 'Grace Kim', 'Lucas Moreau', 'Amara Obi', 'Jonas Weber']
const roles = ['Tech Lead', 'Product Owner', 'Staff Engineer', 'Engineering Manager', 'Security Reviewer', 'QA Lead']

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

function words(noun: string): string[] {
  return noun.split(/[\s-]+/).filter(Boolean)
}

/** One plan's subject and the text builders that stay on that subject. */
export class Writer {
  readonly stack: Stack
  readonly product: string
  readonly kind: string
  readonly topic: Topic
  readonly title: string
  readonly slug: string
  readonly number: number
  private usedPaths = new Set<string>()

  constructor(readonly rng: Rng) {
    this.stack = rng.pick(stacks)
    this.product = rng.pick(productNames)
    this.kind = rng.pick(productKinds)
    this.topic = rng.pick(topics)
    const lead = rng.pick(titleLeads)
    this.title = `${lead}${this.topic.title} for the ${this.product} ${this.kind}`
    this.slug = slugify(`${lead}${this.topic.title}`)
    this.number = rng.int(1, 240)
  }

  n(min = 2, max = 500): number {
    return this.rng.int(min, max)
  }

  noun(): string {
    return this.rng.pick(this.topic.nouns)
  }

  person(): string {
    return this.rng.pick(people)
  }

  role(): string {
    return this.rng.pick(roles)
  }

  date(month = this.rng.int(1, 12), day = this.rng.int(1, 28)): string {
    return `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  }

  private fill(text: string): string {
    return text
      .replace(/%n/g, () => String(this.n(2, 900)))
      .replace(/%flag/g, () => `${slugify(this.noun()).replace(/-/g, '_')}_v${this.rng.int(1, 3)}`)
  }

  /** A code identifier from a noun in the stack's naming style. */
  ident(noun = this.noun(), suffix = ''): string {
    const parts = [...words(noun), ...(suffix ? [suffix] : [])].map((w) => w.toLowerCase().replace(/[^a-z0-9]/g, ''))
    switch (this.stack.naming) {
      case 'snake':
        return parts.join('_')
      case 'kebab':
        return parts.join('-')
      case 'pascal':
        return parts.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('')
      default:
        return parts.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('')
    }
  }

  /** A source file path; `fresh` makes it unique within the document (since the last resetPaths). */
  path(options: {test?: boolean; fresh?: boolean} = {}): string {
    const suffixes = ['', 'service', 'store', 'handler', 'client', 'worker', 'model', 'view', 'routes', 'schema', 'policy', 'job', 'mapper', 'events']
    const make = () => {
      const area = this.rng.pick(this.topic.areas)
      const name = this.ident(this.noun(), this.rng.pick(suffixes) || undefined)
      return options.test ? `${this.stack.tests}/${area}/${name}${this.stack.testSuffix}` : `${this.stack.src}/${area}/${name}.${this.stack.ext}`
    }
    let path = make()
    for (let attempt = 0; options.fresh && this.usedPaths.has(path); attempt++) {
      path = make()
      // Past the combinations the vocabulary gives, number the file.
      if (attempt >= 20) path = path.replace(/(_test|Tests|Test|\.test|\.spec|_spec)?\.[a-z]+$/, (end) => `${this.usedPaths.size}${end}`)
    }
    this.usedPaths.add(path)
    return path
  }

  /** Forget the paths used so far (a new phase may touch the same files). */
  resetPaths(): void {
    this.usedPaths.clear()
  }

  /** A sentence about the plan's subject; `paths: false` names no file (for task lines, where a path means "this task changes it"). */
  sentence(options: {paths?: boolean} = {}): string {
    const r = this.rng
    const noun = this.noun()
    const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1)
    let which = r.int(0, 9)
    if (which === 2 && options.paths === false) which = 4
    switch (which) {
      case 0:
        return `The ${noun} ${r.pick(verbs)} each ${this.noun()} ${this.fill(r.pick(qualifiers))}, so that ${this.fill(r.pick(goals))}.`
      case 1:
        return `We change the ${noun} because ${this.fill(r.pick(reasons))}.`
      case 2:
        return `${cap(noun)} handling moves into \`${this.path()}\`, which keeps the ${this.noun()} logic testable without ${this.stack.framework}.`
      case 3:
        return `A failed ${noun} is logged with its ID and retried ${this.fill(r.pick(qualifiers))}.`
      case 4:
        return `The ${this.stack.framework} layer only parses input and calls the ${noun} code; it holds no business rules.`
      case 5:
        return `Measured on a copy of production, the ${noun} path takes ${this.n(3, 90)} ms at p95 and ${this.n(100, 400)} ms at p99.`
      case 6:
        return `${cap(this.fill(r.pick(goals)))} is the condition for turning the ${noun} on for everyone.`
      case 7:
        return `The ${noun} data lives in ${this.stack.storage}, in a table that ${r.pick(verbs)} ${this.n(1000, 90000)} rows a day.`
      case 8:
        return `${this.person()} reviews every change to the ${noun} before it reaches staging.`
      default:
        return `Existing ${noun} records keep their IDs; only new ones use the ${this.noun()} format described here.`
    }
  }

  paragraph(min = 2, max = 4): string {
    const count = this.rng.int(min, max)
    return Array.from({length: count}, () => this.sentence()).join(' ')
  }

  /** A short imperative phrase, without a file: "Add the reset token store". */
  action(): string {
    const r = this.rng
    const verb = r.pick(['Add', 'Implement', 'Create', 'Extend', 'Wire up', 'Refactor', 'Document', 'Validate', 'Cache', 'Log', 'Expose', 'Migrate'])
    const noun = this.noun()
    const thing = r.pick(['the', /^[aeiou]/i.test(noun) ? 'an' : 'a', 'the shared'])
    const extra = r.pick(['', '', ' for each tenant', ' with structured errors', ' behind a feature flag', ' with metrics', ' and its error cases', ' for the admin view'])
    return `${verb} ${thing} ${noun} ${r.pick(['module', 'endpoint', 'query', 'job', 'component', 'check', 'adapter', 'mapper', 'view', 'migration'])}${extra}`
  }

  bullets(count: number, make: () => string): string {
    return Array.from({length: count}, () => `- ${make()}`).join('\n')
  }

  /** A fenced code block in the stack's language. */
  code(): string {
    const fn = this.ident(this.noun(), 'for')
    const arg = this.ident(this.noun())
    const lines: Record<string, string> = {
      ts: `export async function ${fn}(${arg}: string): Promise<number> {\n  const rows = await db.query(SQL, [${arg}])\n  return rows.length\n}`,
      python: `def ${fn}(${arg}: str) -> int:\n    rows = session.execute(QUERY, {"key": ${arg}}).all()\n    return len(rows)`,
      go: `func ${fn}(ctx context.Context, ${arg} string) (int, error) {\n\trows, err := pool.Query(ctx, query, ${arg})\n\tif err != nil {\n\t\treturn 0, err\n\t}\n\tdefer rows.Close()\n\treturn count(rows), nil\n}`,
      rust: `pub async fn ${fn}(pool: &SqlitePool, ${arg}: &str) -> sqlx::Result<i64> {\n    sqlx::query_scalar(QUERY).bind(${arg}).fetch_one(pool).await\n}`,
      kotlin: `suspend fun ${fn}(${arg}: String): Int = newSuspendedTransaction {\n    Items.select { Items.key eq ${arg} }.count().toInt()\n}`,
      swift: `func ${fn}(_ ${arg}: String) throws -> Int {\n    try context.fetchCount(FetchDescriptor(predicate: #Predicate { $0.key == ${arg} }))\n}`,
      ruby: `def ${fn}(${arg})\n  Item.where(key: ${arg}).count\nend`,
      csharp: `public async Task<int> ${fn}(string ${arg}) =>\n    await _db.Items.CountAsync(i => i.Key == ${arg});`
    }
    return '```' + this.stack.codeLang + '\n' + (lines[this.stack.codeLang] ?? lines['ts']!) + '\n```'
  }

  /** A table with a header and `rows` rows. */
  table(headers: string[], rows: number, cell: (column: number) => string): string {
    const head = `| ${headers.join(' | ')} |\n| ${headers.map(() => '---').join(' | ')} |`
    const body = Array.from({length: rows}, () => `| ${headers.map((_, i) => cell(i)).join(' | ')} |`)
    return [head, ...body].join('\n')
  }

  risk(): string {
    return `${this.rng.pick(['The', 'A slow', 'A failed', 'An unbounded', 'A stale'])} ${this.noun()} ${this.rng.pick(['blocks the release', 'leaks data across tenants', 'doubles the database load', 'confuses existing users', 'breaks the nightly job', 'fills the queue'])}`
  }

  mitigation(): string {
    return `${this.rng.pick(['Load test', 'Feature-flag', 'Review', 'Monitor', 'Rate-limit', 'Backfill'])} the ${this.noun()} ${this.fill(this.rng.pick(qualifiers))}`
  }
}
