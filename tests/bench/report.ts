// Ratios with targets, the printed tables and the JSON file.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { BenchmarkReport, LimitResult, LoadResult, MemoryReading, RatioResult } from './types.ts';

type Side = LoadResult | null | undefined;

function ratio(
  id: string,
  label: string,
  numerator: Side,
  denominator: Side,
  target: string,
  meets: (value: number) => boolean,
): RatioResult {
  if (!numerator || !denominator || numerator.failed || denominator.failed || denominator.requestsPerSecond === 0) {
    return { id, label, value: null, cpuValue: null, target, met: null };
  }
  const value = numerator.requestsPerSecond / denominator.requestsPerSecond;
  const [a, b] = [numerator.serverCpuMicrosPerRequest, denominator.serverCpuMicrosPerRequest];
  const cpuValue = a && b ? b / a : null;
  return { id, label, value, cpuValue, target, met: meets(value) };
}

/** numerator ÷ denominator of requests per second, met when at least `min`. */
export function ratioAtLeast(id: string, label: string, numerator: Side, denominator: Side, min: number): RatioResult {
  return ratio(id, label, numerator, denominator, `≥ ${min}x`, (value) => value >= min);
}

/** numerator ÷ denominator of requests per second, met when at most `max`. */
export function ratioAtMost(id: string, label: string, numerator: Side, denominator: Side, max: number): RatioResult {
  return ratio(id, label, numerator, denominator, `≤ ${max}x`, (value) => value <= max);
}

function table(headers: string[], rows: string[][], rightAligned: Set<number>): string {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (rightAligned.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** A ceiling on a figure, met when the figure is at most `max` (null: not measured). */
export function limitAtMost(id: string, label: string, value: number | null, unit: string, max: number): LimitResult {
  return { id, label, value, unit, max, met: value === null ? null : value <= max };
}

const ms = (value: number) => value.toFixed(2);
const mb = (value: number) => value.toFixed(0);
const whole = (value: number) => Math.round(value).toLocaleString('en-GB');
const times = (value: number | null) => (value === null ? '—' : `${value.toFixed(2)}x`);

export function formatReport(report: BenchmarkReport): string {
  const out: string[] = [`## ${report.name}: ${report.title}`, ''];
  out.push(
    table(
      [
        'database',
        'server',
        'req/s',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'CPU µs/req',
        'requests',
        'errors',
        'non-2xx',
        'bad body',
        'run',
      ],
      report.measurements.map((m) => [
        m.database,
        m.label,
        whole(m.load.requestsPerSecond),
        ms(m.load.latencyMs.p50),
        ms(m.load.latencyMs.p95),
        ms(m.load.latencyMs.p99),
        m.load.serverCpuMicrosPerRequest === null ? '—' : m.load.serverCpuMicrosPerRequest.toFixed(0),
        whole(m.load.requests),
        String(m.load.errors),
        String(m.load.non2xx),
        String(m.load.mismatches),
        m.load.failed ? 'FAILED' : 'ok',
      ]),
      new Set([2, 3, 4, 5, 6, 7, 8, 9, 10]),
    ),
  );
  for (const m of report.measurements.filter((m) => m.load.failed)) out.push(`  FAILED ${m.id}: ${m.load.failure}`);
  if (report.ratios.length) out.push('', ratioTable(report.ratios));
  if (report.memory?.length) out.push('', memoryTable(report.memory));
  if (report.limits?.length) out.push('', limitTable(report.limits));
  const failedChecks = report.checks.filter((c) => !c.passed);
  out.push('');
  out.push(`session checks: ${report.checks.length - failedChecks.length}/${report.checks.length} passed`);
  for (const check of failedChecks) out.push(`  FAILED ${check.name}: ${check.detail}`);
  for (const note of report.notes) out.push(`note: ${note}`);
  return out.join('\n');
}

function ratioTable(ratios: RatioResult[]): string {
  return table(
    ['ratio (req/s)', 'value', 'target', 'result', 'by CPU/req'],
    ratios.map((r) => [
      r.label,
      times(r.value),
      r.target,
      r.met === null ? 'not measured' : r.met ? 'met' : 'MISSED',
      times(r.cpuValue),
    ]),
    new Set([1, 4]),
  );
}

function memoryTable(readings: MemoryReading[]): string {
  return table(
    ['database', 'when', 'RSS MiB', 'V8 heap used', 'V8 heap total', 'external', 'peak RSS so far'],
    readings.map((r) => [
      r.database,
      r.label,
      mb(r.rssMb),
      mb(r.heapUsedMb),
      mb(r.heapTotalMb),
      mb(r.externalMb),
      mb(r.peakRssMb),
    ]),
    new Set([2, 3, 4, 5, 6]),
  );
}

function limitTable(limits: LimitResult[]): string {
  return table(
    ['limit', 'value', 'target', 'result'],
    limits.map((l) => [
      l.label,
      l.value === null ? '—' : `${mb(l.value)} ${l.unit}`,
      `≤ ${l.max} ${l.unit}`,
      l.met === null ? 'not measured' : l.met ? 'met' : 'MISSED',
    ]),
    new Set([1]),
  );
}

export async function writeJson(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(value, null, 2)}\n`);
}
