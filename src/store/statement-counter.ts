import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';

/**
 * Counts the statements a Kysely handle executes, per phase the caller names, and tells `onStatement`
 * after each one. Every machine executes the same statements for the same data, so "the n-th
 * statement of a phase" is a point any run reaches, however fast it is: the cycle crash test kills a
 * run there, inside open transactions too. Transaction begin and commit do not go through plugins and
 * are not counted; a stream counts once per chunk it yields.
 */
export class StatementCounter implements KyselyPlugin {
  #phase: string;
  readonly #counts = new Map<string, number>();
  readonly #onStatement: (phase: string, statement_number: number) => void;

  constructor(initial_phase: string, onStatement: (phase: string, statement_number: number) => void = () => undefined) {
    this.#phase = initial_phase;
    this.#onStatement = onStatement;
  }

  /** Statements from now on count in this phase. */
  enter(phase: string): void {
    this.#phase = phase;
  }

  /** Statements executed per phase so far, in the order the phases came. */
  counts(): Record<string, number> {
    return Object.fromEntries(this.#counts);
  }

  countIn(phase: string): number {
    return this.#counts.get(phase) ?? 0;
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const statement_number = (this.#counts.get(this.#phase) ?? 0) + 1;
    this.#counts.set(this.#phase, statement_number);
    this.#onStatement(this.#phase, statement_number);
    return args.result;
  }
}
