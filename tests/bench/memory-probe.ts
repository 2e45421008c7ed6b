// Loaded into a server under test by the `memory` benchmark (`node --import <this file>`), which
// starts it with an IPC channel: each `memory` message is answered with this process's memory and
// CPU time. Nothing is allocated until asked. When the benchmark goes away (the channel closes),
// the server is sent SIGTERM, so it never outlives the run.

/** What the probe answers, in MiB (memory) and microseconds (CPU time of all threads since start). */
export interface ProbeSample {
  rssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
  peakRssMb: number;
  cpuMicros: number;
}

const MIB = 1024 * 1024;

function sample(): ProbeSample {
  const memory = process.memoryUsage();
  const cpu = process.cpuUsage();
  return {
    rssMb: memory.rss / MIB,
    heapUsedMb: memory.heapUsed / MIB,
    heapTotalMb: memory.heapTotal / MIB,
    externalMb: memory.external / MIB,
    // maxRSS is in KiB.
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    cpuMicros: cpu.user + cpu.system,
  };
}

if (process.send) {
  process.on('message', (message) => {
    if (message === 'memory') process.send!(sample());
  });
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
