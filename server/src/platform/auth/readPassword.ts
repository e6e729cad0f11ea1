import { createInterface } from 'node:readline';

/** Reads a line from the terminal without echoing it; refuses when standard input is not a terminal. */
export function readPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    return Promise.reject(new Error('no terminal to ask for the password: set KOEGE_PASSWORD instead'));
  }
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    // readline echoes through _writeToOutput; muting it after the prompt hides what is typed.
    const internal = rl as unknown as { _writeToOutput: (s: string) => void };
    let muted = false;
    internal._writeToOutput = (s: string) => {
      if (!muted) process.stdout.write(s);
    };
    rl.question(prompt, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}
