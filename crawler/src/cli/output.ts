/** Where a command writes: results to stdout, problems to stderr (logs are JSON on stderr too). */
export interface Output {
  line(text: string): void;
  error(text: string): void;
}

export const processOutput: Output = {
  line: (text) => void process.stdout.write(`${text}\n`),
  error: (text) => void process.stderr.write(`${text}\n`),
};

/** The command line was wrong: print the message and the usage, exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
