package io.ecs4j.benchmarks.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Version;
import io.ecs4j.model.Task;
import io.ecs4j.model.TaskStatus;
import io.ecs4j.model.TaskStopCode;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The Docker benchmarks of {@code benchmarking.md} S7: ecs4j's Docker runtime against raw docker-java on the same
 * daemon, image and container configuration, interleaved A/B in one JVM.
 *
 * <ul>
 *   <li>{@code single}: one container. A = create + start + inspect running; B = RunTask → the task RUNNING. Then
 *       A = stop + inspect exit code; B = StopTask → the task STOPPED. Pairs alternate AB, BA.</li>
 *   <li>{@code concurrent}: {@code --concurrency} (20) containers at once. A = that many threads each doing the raw
 *       start; B = RunTask (10 a call) until all are RUNNING; the runtime gets as many threads
 *       ({@code --runtime-threads}). Then all stopped at once the same way. Rounds alternate AB, BA.</li>
 * </ul>
 *
 * Every measured sample is checked (a fast but wrong run fails): the container runs after a start, exits with 143
 * (SIGTERM handled) after a stop, ecs4j's task is STOPPED with {@code UserInitiated}; the raw container's Docker
 * configuration equals ecs4j's ({@link RawDocker#checkSameConfig}). Containers are removed outside the timing, and
 * everything the run created is removed at the end (by its label), also when it fails.
 *
 * <p>Run: {@code mvn -q -Pdocker-bench -pl benchmarks -am verify -DskipTests -DskipITs} (see benchmarks/README.md);
 * arguments through {@code -Ddocker.bench.args="--samples 50 ..."}.
 */
public final class DockerBench {
    static final String LABEL = "io.ecs4j.bench-run";

    private final Options o;
    private final String runId = HexFormat.of().formatHex(randomBytes());
    private final Map<String, Object> results = new LinkedHashMap<>();

    private DockerBench(Options o) {
        this.o = o;
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        new DockerBench(o).run();
    }

    private record Options(int samples, int warmup, int rounds, int roundWarmup, int concurrency, int runtimeThreads,
                           long pauseMs, long settleMs, String image, List<String> scenarios, Path out) {
        static Options parse(String[] args) {
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                if (!args[i].startsWith("--")) {
                    throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
                }
                m.put(args[i].substring(2), args[i + 1]);
            }
            return new Options(
                    Integer.parseInt(m.getOrDefault("samples", "200")),
                    Integer.parseInt(m.getOrDefault("warmup", "20")),
                    Integer.parseInt(m.getOrDefault("rounds", "30")),
                    Integer.parseInt(m.getOrDefault("round-warmup", "3")),
                    Integer.parseInt(m.getOrDefault("concurrency", "20")),
                    Integer.parseInt(m.getOrDefault("runtime-threads", "20")),
                    Long.parseLong(m.getOrDefault("pause-ms", "100")),
                    Long.parseLong(m.getOrDefault("settle-ms", "200")),
                    m.getOrDefault("image", "local/busybox:1"),
                    List.of(m.getOrDefault("scenarios", "single,awsvpc,concurrent").split(",")),
                    m.containsKey("out") ? Path.of(m.get("out")) : null);
        }
    }

    private void run() throws Exception {
        RawDocker raw = new RawDocker(o.image, LABEL, runId, Math.max(16, o.runtimeThreads * 2 + 4));
        Thread cleanup = new Thread(() -> removeAll(raw), "bench-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try (Ecs4jTasks ecs4j = new Ecs4jTasks(o.image, LABEL, runId, o.runtimeThreads)) {
            results.put("environment", environment(raw));
            results.put("options", o.toString());
            checkFairness(raw, ecs4j);
            if (o.scenarios.contains("single")) {
                single(raw, ecs4j);
            }
            if (o.scenarios.contains("awsvpc")) {
                awsvpc(raw, ecs4j);
            }
            if (o.scenarios.contains("concurrent")) {
                concurrent(raw, ecs4j);
            }
            results.put("loadAverageAfter", loadAverage());
        } finally {
            removeAll(raw);
            Runtime.getRuntime().removeShutdownHook(cleanup);
            raw.close();
        }
        String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(results);
        if (o.out != null) {
            Files.createDirectories(o.out.toAbsolutePath().getParent());
            Files.writeString(o.out, json);
            System.out.println("results written to " + o.out.toAbsolutePath());
        }
    }

    // ------------------------------------------------------------------ fairness

    /** One ecs4j container and one raw container: their Docker configuration must be the same. */
    private void checkFairness(RawDocker raw, Ecs4jTasks ecs4j) {
        List<String> ids = ecs4j.run(1);
        Task task = ecs4j.await(ids, TaskStatus.RUNNING).get(0);
        String ours = task.container("app").runtimeId();
        raw.copyConfigFrom(ours, Ecs4jTasks.STOP_TIMEOUT_SECONDS);
        String theirs = raw.start();
        raw.checkSameConfig(theirs, ours);
        results.put("comparedContainerConfig", raw.comparedConfig(ours));
        raw.remove(theirs);
        ecs4j.stop(ids);
        ecs4j.await(ids, TaskStatus.STOPPED);
        raw.remove(ours);
        ecs4j.forget(ids);
        System.out.println("fairness: the raw container's Docker configuration equals ecs4j's");
    }

    // ------------------------------------------------------------------ single

    /**
     * One measured start and stop, plus where the time went, from Docker's own timestamps of the container (taken
     * after the timing): before Docker created it, from created to its process running, from running to reported;
     * from the stop call to the process' end, from its end to reported.
     */
    private record Sample(double startMs, double stopMs, double[] phases, double startCpuMs) {
        static final List<String> PHASES = List.of("callToCreated", "createdToStarted", "startedToReported",
                "stopCallToFinished", "finishedToReported");

        static Sample of(Instant call, Instant running, Instant stopCall, Instant stopped, String id, RawDocker raw,
                         long startNanos, long stopNanos, long startCpuNanos) {
            var state = raw.docker.inspectContainerCmd(id).exec();
            Instant created = Instant.parse(state.getCreated());
            Instant started = Instant.parse(state.getState().getStartedAt());
            Instant finished = Instant.parse(state.getState().getFinishedAt());
            return new Sample(ms(startNanos), ms(stopNanos), new double[] {
                    between(call, created), between(created, started), between(started, running),
                    between(stopCall, finished), between(finished, stopped)}, ms(startCpuNanos));
        }

        private static double between(Instant a, Instant b) {
            return java.time.Duration.between(a, b).toNanos() / 1e6;
        }
    }

    private void single(RawDocker raw, Ecs4jTasks ecs4j) throws InterruptedException {
        List<Sample> a = new ArrayList<>();
        List<Sample> b = new ArrayList<>();
        int total = o.warmup + o.samples;
        System.out.printf(Locale.ROOT, "single: %d warm-up + %d measured pairs, interleaved%n", o.warmup, o.samples);
        for (int i = 0; i < total; i++) {
            boolean measured = i >= o.warmup;
            boolean rawFirst = i % 2 == 0;
            for (int side = 0; side < 2; side++) {
                boolean isRaw = (side == 0) == rawFirst;
                Sample sample = isRaw ? rawOnce(raw) : ecs4jOnce(raw, ecs4j, false);
                if (measured) {
                    (isRaw ? a : b).add(sample);
                }
                Thread.sleep(o.pauseMs);
            }
            if ((i + 1) % 20 == 0) {
                System.out.printf(Locale.ROOT, "  %d/%d%n", i + 1, total);
            }
        }
        Map<String, Object> single = new LinkedHashMap<>();
        single.put("start", compare("start (A: create+start+inspect; B: RunTask→RUNNING)",
                a.stream().map(Sample::startMs).toList(), b.stream().map(Sample::startMs).toList()));
        single.put("stop", compare("stop (A: stop+inspect; B: StopTask→STOPPED)",
                a.stream().map(Sample::stopMs).toList(), b.stream().map(Sample::stopMs).toList()));
        Map<String, Object> phases = new LinkedHashMap<>();
        for (int k = 0; k < Sample.PHASES.size(); k++) {
            int index = k;
            double[] pa = a.stream().mapToDouble(x -> x.phases()[index]).toArray();
            double[] pb = b.stream().mapToDouble(x -> x.phases()[index]).toArray();
            Map<String, Object> phase = new LinkedHashMap<>();
            phase.put("rawP50Ms", round(Stats.percentile(pa, 0.5)));
            phase.put("ecs4jP50Ms", round(Stats.percentile(pb, 0.5)));
            phase.put("rawP90Ms", round(Stats.percentile(pa, 0.9)));
            phase.put("ecs4jP90Ms", round(Stats.percentile(pb, 0.9)));
            phases.put(Sample.PHASES.get(k), phase);
            System.out.printf(Locale.ROOT, "  phase %-20s raw p50 %7.2f p90 %7.2f | ecs4j p50 %7.2f p90 %7.2f ms%n",
                    Sample.PHASES.get(k), Stats.percentile(pa, 0.5), Stats.percentile(pa, 0.9),
                    Stats.percentile(pb, 0.5), Stats.percentile(pb, 0.9));
        }
        single.put("phasesFromDockerTimestamps", phases);
        // what the library itself adds to a start: the phases outside the daemon's work (before Docker created the
        // container, and from its process running to the caller knowing), compared sample by sample
        single.put("startOutsideDocker", compare("start outside the daemon (callToCreated + startedToReported)",
                a.stream().map(x -> x.phases()[0] + x.phases()[2]).toList(),
                b.stream().map(x -> x.phases()[0] + x.phases()[2]).toList()));
        single.put("jvmCpuPerStart", cpu("JVM CPU time per start (whole process, mean)",
                a.stream().map(Sample::startCpuMs).toList(), b.stream().map(Sample::startCpuMs).toList()));
        results.put("single", single);
    }

    /**
     * The sandbox line of S7: the same container in an awsvpc task (ecs4j starts a pause container on the cluster
     * network first, and the app joins its network namespace) against the raw bridge container: the extra is what
     * the sandbox costs.
     */
    private void awsvpc(RawDocker raw, Ecs4jTasks ecs4j) throws InterruptedException {
        List<Sample> a = new ArrayList<>();
        List<Sample> b = new ArrayList<>();
        int warmup = Math.min(o.warmup, 5);
        int samples = Math.min(o.samples, 30);
        System.out.printf(Locale.ROOT, "awsvpc: %d warm-up + %d measured pairs, interleaved%n", warmup, samples);
        for (int i = 0; i < warmup + samples; i++) {
            boolean rawFirst = i % 2 == 0;
            for (int side = 0; side < 2; side++) {
                boolean isRaw = (side == 0) == rawFirst;
                Sample sample = isRaw ? rawOnce(raw) : ecs4jOnce(raw, ecs4j, true);
                if (i >= warmup) {
                    (isRaw ? a : b).add(sample);
                }
                Thread.sleep(o.pauseMs);
            }
        }
        Map<String, Object> vpc = new LinkedHashMap<>();
        vpc.put("start", compare("awsvpc start (A: raw bridge container; B: RunTask awsvpc→RUNNING)",
                a.stream().map(Sample::startMs).toList(), b.stream().map(Sample::startMs).toList()));
        vpc.put("stop", compare("awsvpc stop (A: raw; B: StopTask→STOPPED)",
                a.stream().map(Sample::stopMs).toList(), b.stream().map(Sample::stopMs).toList()));
        results.put("awsvpc", vpc);
    }

    private Sample rawOnce(RawDocker raw) {
        long c0 = cpuNanos();
        Instant call = Instant.now();
        long t0 = System.nanoTime();
        String id = raw.start();
        long t1 = System.nanoTime();
        long c1 = cpuNanos();
        Instant running = Instant.now();
        settle();
        Instant stopCall = Instant.now();
        long t1b = System.nanoTime();
        int exit = raw.stop(id, Ecs4jTasks.STOP_TIMEOUT_SECONDS);
        long t2 = System.nanoTime();
        Instant stopped = Instant.now();
        if (exit != 143) {
            throw new IllegalStateException("raw container " + id + " exited with " + exit + ", expected 143");
        }
        Sample s = Sample.of(call, running, stopCall, stopped, id, raw, t1 - t0, t2 - t1b, c1 - c0);
        raw.remove(id);
        return s;
    }

    private Sample ecs4jOnce(RawDocker raw, Ecs4jTasks ecs4j, boolean awsvpc) {
        long c0 = cpuNanos();
        Instant call = Instant.now();
        long t0 = System.nanoTime();
        List<String> ids = ecs4j.run(1, awsvpc);
        Task running = ecs4j.await(ids, TaskStatus.RUNNING).get(0);
        long t1 = System.nanoTime();
        long c1 = cpuNanos();
        Instant runningAt = Instant.now();
        settle();
        Instant stopCall = Instant.now();
        long t1b = System.nanoTime();
        ecs4j.stop(ids);
        Task stopped = ecs4j.await(ids, TaskStatus.STOPPED).get(0);
        long t2 = System.nanoTime();
        Instant stoppedAt = Instant.now();
        String id = running.container("app").runtimeId();
        try {
            checkStopped(stopped);
        } catch (IllegalStateException e) {
            var state = raw.docker.inspectContainerCmd(id).exec().getState();
            throw new IllegalStateException(e.getMessage() + " after a stop of " + ms(t2 - t1b) + " ms; Docker: exit "
                    + state.getExitCodeLong() + ", started " + state.getStartedAt() + ", finished "
                    + state.getFinishedAt() + ", OOM " + state.getOOMKilled() + "; task " + stopped, e);
        }
        Sample s = Sample.of(call, runningAt, stopCall, stoppedAt, id, raw, t1 - t0, t2 - t1b, c1 - c0);
        raw.remove(id);
        ecs4j.forget(ids);
        return s;
    }

    /**
     * The untimed wait between a start and its stop. Without it a stop can come within milliseconds of the process'
     * start, before tini (PID 1, {@code initProcessEnabled}) has blocked SIGTERM: the kernel drops a signal PID 1 has
     * no handler for, so Docker kills it after the stop timeout (137). Seen with {@code cpu} 0 (2 CPU shares) on a
     * busy host, for either side; it is Docker's behaviour, not what this benchmark measures.
     */
    private void settle() {
        try {
            Thread.sleep(o.settleMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void checkStopped(Task t) {
        Integer exit = t.container("app").exitCode();
        if (t.lastStatus() != TaskStatus.STOPPED || t.stopCode() != TaskStopCode.USER_INITIATED
                || exit == null || exit != 143) {
            throw new IllegalStateException("task " + t.taskId() + " did not stop as asked: " + t.lastStatus() + " "
                    + t.stopCode() + " exit " + exit);
        }
    }

    // ------------------------------------------------------------------ concurrent

    private void concurrent(RawDocker raw, Ecs4jTasks ecs4j) throws Exception {
        int n = o.concurrency;
        ThreadPoolExecutor pool = new ThreadPoolExecutor(n, n, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>());
        pool.prestartAllCoreThreads();
        List<Double> aStart = new ArrayList<>();
        List<Double> bStart = new ArrayList<>();
        List<Double> aStop = new ArrayList<>();
        List<Double> bStop = new ArrayList<>();
        List<Double> aCpu = new ArrayList<>();
        List<Double> bCpu = new ArrayList<>();
        int total = o.roundWarmup + o.rounds;
        System.out.printf(Locale.ROOT, "concurrent: %d at once, %d warm-up + %d measured rounds, interleaved%n", n,
                o.roundWarmup, o.rounds);
        try {
            for (int r = 0; r < total; r++) {
                boolean measured = r >= o.roundWarmup;
                boolean rawFirst = r % 2 == 0;
                for (int side = 0; side < 2; side++) {
                    double[] t = (side == 0) == rawFirst ? rawRound(raw, pool, n) : ecs4jRound(raw, ecs4j, pool, n);
                    if (measured) {
                        ((side == 0) == rawFirst ? aStart : bStart).add(t[0]);
                        ((side == 0) == rawFirst ? aStop : bStop).add(t[1]);
                        ((side == 0) == rawFirst ? aCpu : bCpu).add(t[2]);
                    }
                    Thread.sleep(o.pauseMs * 5);
                }
                System.out.printf(Locale.ROOT, "  round %d/%d%n", r + 1, total);
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("concurrency", n);
        c.put("runtimeThreads", o.runtimeThreads);
        c.put("start", compare(n + " starts at once, total time per round", aStart, bStart));
        c.put("stop", compare(n + " stops at once, total time per round", aStop, bStop));
        c.put("jvmCpuPerRound", cpu("JVM CPU time of " + n + " starts (whole process, mean per round)", aCpu,
                bCpu));
        results.put("concurrent", c);
    }

    private double[] rawRound(RawDocker raw, ExecutorService pool, int n) throws Exception {
        long c0 = cpuNanos();
        long t0 = System.nanoTime();
        List<String> ids = all(pool, n, i -> raw.start());
        long t1 = System.nanoTime();
        long c1 = cpuNanos();
        settle();
        long t1b = System.nanoTime();
        List<Integer> exits = all(pool, n, i -> raw.stop(ids.get(i), Ecs4jTasks.STOP_TIMEOUT_SECONDS));
        long t2 = System.nanoTime();
        if (exits.stream().anyMatch(e -> e != 143)) {
            throw new IllegalStateException("raw containers exited with " + exits + ", expected 143 each");
        }
        all(pool, n, i -> {
            raw.remove(ids.get(i));
            return null;
        });
        return new double[] {ms(t1 - t0), ms(t2 - t1b), ms(c1 - c0)};
    }

    private double[] ecs4jRound(RawDocker raw, Ecs4jTasks ecs4j, ExecutorService pool, int n) throws Exception {
        long c0 = cpuNanos();
        long t0 = System.nanoTime();
        List<String> ids = new ArrayList<>();
        for (int left = n; left > 0; left -= 10) {
            ids.addAll(ecs4j.run(Math.min(10, left)));
        }
        List<Task> running = ecs4j.await(ids, TaskStatus.RUNNING);
        long t1 = System.nanoTime();
        long c1 = cpuNanos();
        settle();
        long t1b = System.nanoTime();
        ecs4j.stop(ids);
        List<Task> stopped = ecs4j.await(ids, TaskStatus.STOPPED);
        long t2 = System.nanoTime();
        stopped.forEach(DockerBench::checkStopped);
        all(pool, n, i -> {
            raw.remove(running.get(i).container("app").runtimeId());
            return null;
        });
        ecs4j.forget(ids);
        return new double[] {ms(t1 - t0), ms(t2 - t1b), ms(c1 - c0)};
    }

    private interface Indexed<T> {
        T call(int i) throws Exception;
    }

    private static <T> List<T> all(ExecutorService pool, int n, Indexed<T> work) throws Exception {
        List<Future<T>> futures = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int index = i;
            futures.add(pool.submit((Callable<T>) () -> work.call(index)));
        }
        List<T> out = new ArrayList<>(n);
        for (Future<T> f : futures) {
            out.add(f.get(2, TimeUnit.MINUTES));
        }
        return out;
    }

    // ------------------------------------------------------------------ reporting

    private static Map<String, Object> compare(String what, List<Double> aList, List<Double> bList) {
        double[] a = aList.stream().mapToDouble(Double::doubleValue).toArray();
        double[] b = bList.stream().mapToDouble(Double::doubleValue).toArray();
        double[] paired = new double[Math.min(a.length, b.length)];
        for (int i = 0; i < paired.length; i++) {
            paired[i] = b[i] - a[i];
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("what", what);
        m.put("n", a.length);
        m.put("rawMs", summary(a));
        m.put("ecs4jMs", summary(b));
        double p50 = Stats.percentile(b, 0.5) / Stats.percentile(a, 0.5);
        double p90 = Stats.percentile(b, 0.9) / Stats.percentile(a, 0.9);
        m.put("ratioP50", round(p50));
        m.put("ratioP50CI95", roundAll(Stats.bootstrapRatio(a, b, 0.5, 5000, 42)));
        m.put("ratioP90", round(p90));
        m.put("ratioP90CI95", roundAll(Stats.bootstrapRatio(a, b, 0.9, 5000, 43)));
        m.put("ratioMean", round(Stats.mean(b) / Stats.mean(a)));
        m.put("diffP50Ms", round(Stats.percentile(b, 0.5) - Stats.percentile(a, 0.5)));
        m.put("pairedDiffMedianMs", round(Stats.percentile(paired, 0.5)));
        double[] mw = Stats.mannWhitney(a, b);
        m.put("mannWhitneyU", round(mw[0]));
        m.put("mannWhitneyP", round(mw[1]));
        m.put("rawSamplesMs", roundAll(a));
        m.put("ecs4jSamplesMs", roundAll(b));
        System.out.printf(Locale.ROOT,
                "%-58s n=%d  raw p50 %.1f p90 %.1f | ecs4j p50 %.1f p90 %.1f ms | ratio p50 %.3f [%s] p90 %.3f"
                        + " | B-A p50 %+.1f ms, paired median %+.1f ms | MW p=%.3f%n",
                what, a.length, Stats.percentile(a, 0.5), Stats.percentile(a, 0.9), Stats.percentile(b, 0.5),
                Stats.percentile(b, 0.9), p50, ci((double[]) m.get("ratioP50CI95")), p90,
                Stats.percentile(b, 0.5) - Stats.percentile(a, 0.5), Stats.percentile(paired, 0.5), mw[1]);
        return m;
    }

    /**
     * Means of the process CPU time the JVM spent during the timed starts. The OS accounts it in ticks (10 ms here),
     * so only means over many samples mean anything.
     */
    private static Map<String, Object> cpu(String what, List<Double> a, List<Double> b) {
        double ma = a.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double mb = b.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("what", what);
        m.put("n", a.size());
        m.put("rawMeanMs", round(ma));
        m.put("ecs4jMeanMs", round(mb));
        m.put("diffMeanMs", round(mb - ma));
        System.out.printf(Locale.ROOT, "%-58s n=%d  raw %.1f | ecs4j %.1f ms | ecs4j − raw %+.1f ms%n", what,
                a.size(), ma, mb, mb - ma);
        return m;
    }

    private static String ci(double[] ci) {
        return String.format(Locale.ROOT, "%.3f–%.3f", ci[0], ci[1]);
    }

    private static Map<String, Object> summary(double[] s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("p50", round(Stats.percentile(s, 0.5)));
        m.put("p90", round(Stats.percentile(s, 0.9)));
        m.put("p99", round(Stats.percentile(s, 0.99)));
        m.put("mean", round(Stats.mean(s)));
        m.put("min", round(Stats.percentile(s, 0)));
        m.put("max", round(Stats.percentile(s, 1)));
        return m;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static double[] roundAll(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = round(v[i]);
        }
        return out;
    }

    /** CPU time of this whole process (every thread, GC and JIT included). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    // ------------------------------------------------------------------ environment and clean-up

    private Map<String, Object> environment(RawDocker raw) {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("date", Instant.now().toString());
        env.put("runId", runId);
        env.put("nproc", Runtime.getRuntime().availableProcessors());
        env.put("cpu", cpuModel());
        env.put("kernel", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        env.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        env.put("gc", ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(", ")));
        env.put("heapMaxMiB", Runtime.getRuntime().maxMemory() >> 20);
        env.put("jvmArgs", ManagementFactory.getRuntimeMXBean().getInputArguments());
        Version v = raw.docker.versionCmd().exec();
        Info info = raw.docker.infoCmd().exec();
        env.put("docker", v.getVersion() + " (API " + v.getApiVersion() + ")");
        env.put("dockerStorageDriver", info.getDriver());
        env.put("dockerCgroup", info.getCGroupDriver() + " v" + info.getCGroupVersion());
        env.put("dockerRuntimes", info.getRuntimes() == null ? null : info.getRuntimes().keySet());
        env.put("dockerOs", info.getOperatingSystem() + ", kernel " + info.getKernelVersion());
        InspectImageResponse image = raw.docker.inspectImageCmd(o.image).exec();
        env.put("image", o.image);
        env.put("imageId", image.getId());
        env.put("imageRepoDigests", image.getRepoDigests());
        env.put("loadAverageBefore", loadAverage());
        System.out.println("environment: " + env);
        return env;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Removes every container this run created (both sides carry the run label). */
    private void removeAll(RawDocker raw) {
        try {
            List<Container> left = raw.leftovers();
            left.forEach(c -> raw.remove(c.getId()));
            if (!left.isEmpty()) {
                System.out.println("removed " + left.size() + " container(s) left by the run");
            }
            if (!raw.leftovers().isEmpty()) {
                System.err.println("WARNING: containers labelled " + LABEL + "=" + runId + " remain");
            }
        } catch (RuntimeException e) {
            System.err.println("clean-up failed: " + e);
        }
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[4];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }
}
