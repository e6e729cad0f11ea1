import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

export interface MachineInfo {
  nproc: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  platform: string;
}

/** `nproc`, the CPU model from /proc/cpuinfo, total memory and the Node version: where the figures came from. */
export function machineInfo(): MachineInfo {
  let nproc = os.availableParallelism();
  try {
    nproc = Number(execFileSync('nproc', { encoding: 'utf8' }).trim()) || nproc;
  } catch {
    // nproc missing: Node's own count is the same number on Linux.
  }
  let cpuModel = os.cpus()[0]?.model ?? 'unknown';
  try {
    cpuModel = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpuModel;
  } catch {
    // Not Linux: keep os.cpus().
  }
  return {
    nproc,
    cpuModel,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

/** The 1-, 5- and 15-minute load averages (/proc/loadavg), to show how busy the shared machine was. */
export function loadAverage(): [number, number, number] {
  try {
    const [a, b, c] = readFileSync('/proc/loadavg', 'utf8').split(' ').map(Number);
    return [a ?? Number.NaN, b ?? Number.NaN, c ?? Number.NaN];
  } catch {
    const [a, b, c] = os.loadavg();
    return [a!, b!, c!];
  }
}
