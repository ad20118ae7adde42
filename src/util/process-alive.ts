// Is a process still running? For leftovers named after the process that made them: a
// file of a process that is gone may be removed, one of a running process may not.
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
