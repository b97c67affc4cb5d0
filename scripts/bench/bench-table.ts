import type { IntakeFigures } from './intake.bench';
import type { PipelineFigures } from './pipeline.bench';
import type { ReadFigure } from './reads.bench';
import type { ScoringFigures } from './scoring.bench';

export interface BenchResults {
  machine: string;
  /** Each part is absent when `--only` left it out. */
  intake?: IntakeFigures;
  pipeline?: { real: PipelineFigures; noop: PipelineFigures; workers: number; drainJobs: number };
  scoring?: ScoringFigures;
  reads?: { figures: ReadFigure[]; error?: string; rows: number };
}

const n = (value: number, digits = 0) => (Number.isFinite(value) ? value.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : 'n/a');
const verdict = (holds: boolean) => (holds ? 'holds' : '**misses**');
const row = (cells: string[]) => `| ${cells.join(' | ')} |`;

// The intake's goals are ratios to the bare route measured in the same run.
const INTAKE_SHARE_GOAL = 0.8;
const INTAKE_P99_GOAL = 1.5;

function intakeRows({ intake, baseline, cluster, clusterBaseline, processes, connections, rounds, seconds }: IntakeFigures): string[] {
  const pair = (label: string, api: IntakeFigures['intake'], bare: IntakeFigures['baseline'], bareLabel: string) => {
    const share = api.rps / bare.rps;
    const p99Ratio = api.p99Ms / bare.p99Ms;
    return [
      row([`intake req/s, ${label}`, n(api.rps), `${n(bare.rps)} (${bareLabel}); **${n(share * 100)} %**`, `≥ ${n(INTAKE_SHARE_GOAL * 100)} % of the bare route`, verdict(share >= INTAKE_SHARE_GOAL)]),
      row(['  latency p50 / p99 ms', `${n(api.p50Ms, 1)} / ${n(api.p99Ms, 1)}`, `${n(bare.p50Ms, 1)} / ${n(bare.p99Ms, 1)}; p99 **×${n(p99Ratio, 2)}**`, `p99 ≤ ${n(INTAKE_P99_GOAL, 1)}× the bare route's`, verdict(p99Ratio <= INTAKE_P99_GOAL)]),
      row(['  server CPU µs per request', n(api.cpuUsPerRequest), n(bare.cpuUsPerRequest), '', '']),
    ];
  };
  return [
    ...pair(`1 API process (${connections} conn., ${rounds}×${seconds} s, median)`, intake, baseline, 'bare Express + LPUSH, 1 process'),
    ...pair(`${processes} API processes (MODERATO_API_PROCESSES=auto)`, cluster, clusterBaseline, `bare route, ${processes} processes`),
    ...(intake.bad + cluster.bad + baseline.bad + clusterBaseline.bad > 0
      ? [row(['  non-2xx or socket errors during the runs (API 1 / cluster; bare 1 / cluster)', `${n(intake.bad)} / ${n(cluster.bad)}`, `${n(baseline.bad)} / ${n(clusterBaseline.bad)}`, '', ''])]
      : []),
  ];
}

function pipelineRows({ real, noop, workers, drainJobs }: NonNullable<BenchResults['pipeline']>): string[] {
  return [
    row([`end to end, saturation: comments/s (${workers} workers, ${n(drainJobs)} queued)`, n(real.drainPerSecond), `${n(noop.drainPerSecond)} (no-op, 1 insert/job)`, '≥ 1,500/s', verdict(real.drainPerSecond >= 1500)]),
    row([`end to end at ${real.steady.offered}/s offered via the API, evenly paced: decided/s`, n(real.steady.perSecond), n(noop.steady.perSecond), '', '']),
    row(['  intake latency at that rate p50 / p99 ms', `${n(real.steady.intakeP50Ms, 1)} / ${n(real.steady.intakeP99Ms, 1)}`, `${n(noop.steady.intakeP50Ms, 1)} / ${n(noop.steady.intakeP99Ms, 1)}`, '', '']),
    row(['  accepted → decided p50 / p99 ms', `${n(real.steady.p50Ms, 1)} / ${n(real.steady.p99Ms, 1)}`, `${n(noop.steady.p50Ms, 1)} / ${n(noop.steady.p99Ms, 1)}`, 'p99 < 250 ms', verdict(real.steady.p99Ms < 250)]),
    row(['worker peak RSS MB', n(real.peakRssMb), n(noop.peakRssMb), '< 300 MB', verdict(real.peakRssMb < 300)]),
  ];
}

function scoringRows(scoring: ScoringFigures): string[] {
  return [
    row(['model load ms', n(scoring.loadMs), '', '< 1,000 ms', verdict(scoring.loadMs < 1000)]),
    ...Object.entries(scoring.medianUs).map(([label, us]) =>
      row([
        `scoring µs/comment, median / mean of ${n(scoring.comments)} unseen real: ${label}`,
        `${n(us, 1)} / ${n(scoring.meanUs[label] ?? Number.NaN, 1)}`,
        '',
        label.startsWith('whole') ? 'median < 250 µs' : '',
        label.startsWith('whole') ? verdict(us < 250) : '',
      ]),
    ),
    row([`  whole pipeline, mean over a fresh process's first ${n(scoring.warmupComments)} (warm-up)`, n(scoring.coldMeanUs, 1), '', '', '']),
  ];
}

function readRows({ figures, rows }: NonNullable<BenchResults['reads']>): string[] {
  const healthz = figures.find((f) => f.label.startsWith('baseline'));
  return figures
    .filter((f) => f !== healthz)
    .map((f) =>
      row([`${f.label} at ${n(rows)} rows, p50 / p99 ms`, `${n(f.p50Ms, 2)} / ${n(f.p99Ms, 2)}`, healthz ? `${n(healthz.p50Ms, 2)} / ${n(healthz.p99Ms, 2)} (GET /healthz)` : '', 'p99 < 20 ms', verdict(f.p99Ms < 20)]),
    );
}

/** One markdown table: each figure, its same-run baseline, the goal and whether it holds. */
export function formatBenchTable(r: BenchResults): string {
  const lines = [
    r.machine,
    '',
    row(['measure', 'Moderato', 'baseline, same run', 'goal', '']),
    row(['---', '---:', '---:', '---', '---']),
    ...(r.intake ? intakeRows(r.intake) : []),
    ...(r.pipeline ? pipelineRows(r.pipeline) : []),
    ...(r.scoring ? scoringRows(r.scoring) : []),
    ...(r.reads ? readRows(r.reads) : []),
  ];
  if (r.reads?.error) lines.push('', `queue/thread reads failed: ${r.reads.error}`);
  return lines.join('\n');
}
