/**
 * Exits once stdout and stderr have taken everything written. process.exit() right after a large
 * write to a pipe drops what the reader has not taken yet (a 250 KB JSON report was cut at the
 * reader's pace). Write callbacks run in order, so an empty write's callback means every earlier
 * write is done.
 */
export function exitWhenWritten(code: number): void {
  let pending = 2;
  const done = () => {
    pending -= 1;
    if (pending === 0) process.exit(code);
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}
