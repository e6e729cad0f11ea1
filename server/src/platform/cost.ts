import fp from 'fastify-plugin';
import type pg from 'pg';
import type { FastifyRequest, onRequestHookHandler } from 'fastify';
import { deadlineDetail, HttpProblem, QUERY_CANCELED } from './errors';
import { laterLsn, MAX_LSN } from './db/lsn';

/**
 * What one request may cost the database (issue #19). Every statement of the app's pool has a deadline; the
 * expensive routes run on a pool of their own with a tighter one, at most `concurrency` at a time per kind.
 */
export interface CostLimits {
  /** statement_timeout of every statement on the app's pool, milliseconds (config DB_STATEMENT_TIMEOUT_MS). */
  statementTimeoutMs: number;
  /** idle_in_transaction_session_timeout of both pools, milliseconds (config DB_IDLE_IN_TRANSACTION_TIMEOUT_MS). */
  idleInTransactionTimeoutMs: number;
  /** Deadline of an expensive statement for a visitor, milliseconds (config ANONYMOUS_STATEMENT_TIMEOUT_MS). */
  anonymousMs: number;
  /** Deadline of an expensive statement for a logged-in user, milliseconds (config USER_STATEMENT_TIMEOUT_MS). */
  userMs: number;
  /** Deadline of the flood model's and the imports' statements, milliseconds (config LONG_STATEMENT_TIMEOUT_MS). */
  longMs: number;
  /** Expensive requests of one kind that run at once per instance; the rest get 503 (config EXPENSIVE_CONCURRENCY). */
  concurrency: number;
  /**
   * Expensive requests of all kinds together that run at once per instance (config EXPENSIVE_TOTAL_CONCURRENCY;
   * by default one less than the cores, at least one), so that the cheap routes keep a core of their own.
   */
  totalConcurrency: number;
}

/** The kinds of expensive work, each with its own concurrency budget. */
export const BUDGET_KINDS = ['geometry', 'flood', 'ogc', 'export'] as const;
export type BudgetKind = (typeof BUDGET_KINDS)[number];

/** Seconds a client is told to wait when a budget is full: the expensive work it waits for lasts about that. */
export const BUSY_RETRY_AFTER_SECONDS = 2;

/**
 * At most `limit` pieces of work at once, and within the `parent` budget's limit too (the one all kinds share);
 * the next one is refused at once (never queued behind the others).
 */
export class ConcurrencyBudget {
  private active = 0;

  constructor(
    readonly kind: BudgetKind | 'expensive',
    readonly limit: number,
    private readonly parent?: ConcurrencyBudget,
  ) {}

  get running(): number {
    return this.active;
  }

  /** Throws the 503 problem, with Retry-After, when this budget or its parent is full; a cheap look, taking nothing. */
  refuseIfFull(): void {
    this.parent?.refuseIfFull();
    if (this.active >= this.limit) {
      throw new HttpProblem(
        503,
        'Busy',
        `At most ${this.limit} ${this.kind} requests run at once on this server; try again in ${BUSY_RETRY_AFTER_SECONDS} s.`,
        undefined,
        { 'retry-after': String(BUSY_RETRY_AFTER_SECONDS) },
      );
    }
  }

  /** Runs `work` within the budget, or throws a 503 problem with Retry-After when the budget is full. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    this.refuseIfFull();
    this.take(1);
    try {
      return await work();
    } finally {
      this.take(-1);
    }
  }

  private take(n: 1 | -1): void {
    this.active += n;
    this.parent?.take(n);
  }
}

export const isQueryCanceled = (error: unknown): boolean =>
  error instanceof Error && (error as { code?: unknown }).code === QUERY_CANCELED;

/** The 503 of work past its deadline that another try may well finish (the database was busy). */
export const busyDeadlineProblem = (deadlineMs: number) =>
  new HttpProblem(503, 'Service unavailable', deadlineDetail(deadlineMs), undefined, {
    'retry-after': String(BUSY_RETRY_AFTER_SECONDS),
  });

/**
 * Runs `work` in one transaction on a connection of `pool` whose statements each get `deadlineMs`
 * (SET LOCAL statement_timeout: it ends with the transaction, so the connection goes back to the pool with its
 * own setting). A statement past its deadline throws `onDeadline(deadlineMs)` (by default a 503 naming the
 * limit); the transaction is rolled back, and the connection is healthy for the next request.
 */
export async function withDeadline<T>(
  pool: Pick<pg.Pool, 'connect'>,
  deadlineMs: number,
  work: (client: pg.PoolClient) => Promise<T>,
  onDeadline: (deadlineMs: number) => Error = busyDeadlineProblem,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('statement_timeout', $1, true)`, [`${deadlineMs}ms`]);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    if (isQueryCanceled(err)) throw onDeadline(deadlineMs);
    throw err;
  } finally {
    client.release();
  }
}

/** The 422 of a geometry whose check or overlay passed its deadline: the same geometry would again. */
export const geometryDeadlineProblem = (deadlineMs: number) =>
  new HttpProblem(
    422,
    'Geometry too costly',
    `Checking this geometry took longer than its limit (statement_timeout ${deadlineMs} ms); simplify it.`,
    [{ name: 'geometry', reason: `took longer than ${deadlineMs} ms to check (statement_timeout)` }],
  );

export interface Cost {
  limits: CostLimits;
  /** The pool of the expensive routes, apart from the app's, so that tiles, lists and health never wait for it. */
  heavy: pg.Pool;
  budgets: Record<BudgetKind, ConcurrencyBudget>;
  /** The budget all kinds share (EXPENSIVE_TOTAL_CONCURRENCY): every kind's work counts against it too. */
  total: ConcurrencyBudget;
  /** The deadline of an expensive statement for this request's user (milliseconds). */
  deadlineFor(request: FastifyRequest): number;
  /**
   * The per-client limit of expensive GETs (EXPENSIVE_RATE_LIMIT) for a route whose requests are only sometimes
   * expensive: the ones `cheap` says are cheap are not counted (an OGC page without bbox, a flood level stored).
   */
  expensiveRateLimit(cheap: (request: FastifyRequest) => boolean): {
    max: number;
    timeWindow: number;
    allowList: (request: FastifyRequest) => boolean;
  };
  /** {@link withDeadline} on the expensive pool with the deadline of this request's user. */
  run<T>(
    request: FastifyRequest,
    work: (db: pg.PoolClient) => Promise<T>,
    onDeadline?: (deadlineMs: number) => Error,
  ): Promise<T>;
  /**
   * {@link run} for work that only reads (issue #18): on a replica's expensive-read pool when one has replayed
   * this session's writes and `after` (a position the app wrote itself, such as a flood extent's), else on the
   * primary's. It must not write: a replica refuses, and a replica lost mid-read hands the whole work to the primary.
   */
  runRead<T>(
    request: FastifyRequest,
    after: bigint | null,
    work: (db: pg.PoolClient) => Promise<T>,
    onDeadline?: (deadlineMs: number) => Error,
  ): Promise<T>;
}

declare module 'fastify' {
  interface FastifyInstance {
    cost: Cost;
  }
  interface FastifyContextConfig {
    /** Runs the handler within this kind's concurrency budget (a GET also gets the per-client expensive limit). */
    budget?: BudgetKind;
  }
}

/**
 * Budgets for the expensive routes (issue #19): a route declares `config: { budget: kind }`, and its handler
 * runs within that kind's concurrency budget (503 with Retry-After beyond it). The security plugin gives such
 * GETs a per-client rate limit as well (429 with Retry-After; writes already have theirs). Register before the
 * routes.
 */
export const costPlugin = fp<{ limits: CostLimits; heavy: pg.Pool; expensiveGetsPerMinute: number }>(
  async (app, opts) => {
    const total = new ConcurrencyBudget('expensive', opts.limits.totalConcurrency);
    const budgets = Object.fromEntries(
      BUDGET_KINDS.map((kind) => [kind, new ConcurrencyBudget(kind, opts.limits.concurrency, total)]),
    ) as Record<BudgetKind, ConcurrencyBudget>;
    const deadlineFor = (request: FastifyRequest) => (request.user ? opts.limits.userMs : opts.limits.anonymousMs);
    const cost: Cost = {
      limits: opts.limits,
      heavy: opts.heavy,
      budgets,
      total,
      deadlineFor,
      expensiveRateLimit: (cheap) => ({ max: opts.expensiveGetsPerMinute, timeWindow: 60_000, allowList: cheap }),
      run: (request, work, onDeadline) => withDeadline(opts.heavy, deadlineFor(request), work, onDeadline),
      runRead: (request, after, work, onDeadline) => {
        const read = (pool: Pick<pg.Pool, 'connect'>) => withDeadline(pool, deadlineFor(request), work, onDeadline);
        const router = app.readRouter;
        if (!router) return read(opts.heavy);
        const at = laterLsn(request.readLsn, after);
        return at === MAX_LSN ? read(opts.heavy) : router.runHeavy(at, opts.heavy, read);
      },
    };
    app.decorate('cost', cost);
    app.addHook('onRoute', (route) => {
      const kind = route.config?.budget;
      if (!kind) return;
      // A full budget refuses at once, before the body is read: parsing and checking a 4 MB geometry only to
      // answer 503 would spend the event loop that the cheap routes need. The handler takes the budget itself.
      const early: onRequestHookHandler = (_request, _reply, done) => {
        try {
          budgets[kind].refuseIfFull();
          done();
        } catch (err) {
          done(err as Error);
        }
      };
      const hooks = route.onRequest;
      route.onRequest = [...(hooks === undefined ? [] : Array.isArray(hooks) ? hooks : [hooks]), early];
      const handler = route.handler;
      route.handler = function budgeted(this: typeof app, request, reply) {
        return budgets[kind].run(async () => handler.call(this, request, reply));
      };
    });
  },
  { name: 'cost', dependencies: ['errors', 'db'] },
);
