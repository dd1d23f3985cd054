/**
 * Errors the core raises. Each carries a stable snake_case `code`, a message that is safe to
 * show a user, and whether it is worth reporting to operators (a bug, not a user mistake).
 * Adapters map codes to exit codes and HTTP statuses; the core never knows about either.
 */
export class DomainError extends Error {
  readonly code: string;
  readonly isReportable: boolean;
  readonly details?: Record<string, unknown>;

  constructor(code: string, message: string, options: { isReportable?: boolean; details?: Record<string, unknown>; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.isReportable = options.isReportable ?? false;
    this.details = options.details;
  }
}

/**
 * A list feed that cannot become a version: it does not parse, is cut short, is empty, or
 * shrinks too much. `file` and `line` say where (line is 1-based; absent when the problem is
 * the whole file). Nothing of a rejected feed is stored.
 */
export class ListRejectedError extends DomainError {
  readonly file: string;
  readonly line?: number;
  readonly reason: string;

  constructor(file: string, reason: string, line?: number, cause?: unknown) {
    super('list_rejected', `${file}${line === undefined ? '' : `:${line}`}: ${reason}`, {
      details: { file, ...(line === undefined ? {} : { line }), reason },
      cause,
    });
    this.file = file;
    this.line = line;
    this.reason = reason;
  }
}

/** Something asked for by id does not exist. */
export class NotFoundError extends DomainError {
  constructor(what: string, id: string) {
    super('not_found', `${what} not found: ${id}`, { details: { what, id } });
  }
}

/** The caller's request is malformed (bad option, bad field). */
export class InvalidInputError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('invalid_input', message, { details });
  }
}
