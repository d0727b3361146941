package io.ecs4j.server.internal.cli;

import io.ecs4j.LocalEcs;
import io.ecs4j.model.Attribute;
import io.ecs4j.request.RegisterContainerInstanceRequest;
import io.ecs4j.server.EcsServer;
import io.ecs4j.server.internal.wire.WireException;
import io.ecs4j.spi.runtime.RuntimeProvider;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * The command line of the runnable jar: parses the options, starts an {@link EcsServer} with one {@link LocalEcs} per
 * region (real time), prints the endpoint and waits until the JVM is asked to stop.
 */
public final class ServerCommand {
    static final String USAGE = String.join("\n",
            "Usage: java -jar ecs-server.jar [options]",
            "  --port P          port to listen on (default 8080; 0 picks a free one)",
            "  --host H          address to listen on (default 127.0.0.1)",
            "  --region R        region of unsigned requests (default us-east-1)",
            "  --account A       account id in ARNs (default 000000000000)",
            "  --runtime NAME    in-memory (default) or docker",
            "  --instances N     register N simulated container instances in the default cluster of each region,",
            "                    spread over the zones <region>a, b and c (default 0)",
            "  --help            print this help");

    private static final java.util.Set<String> OPTIONS =
            java.util.Set.of("--port", "--host", "--region", "--account", "--runtime", "--instances");

    private ServerCommand() {
    }

    /** The parsed options. */
    record Options(int port, String host, String region, String account, String runtime, int instances) {
    }

    /**
     * Runs the command.
     *
     * @return the process exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (options == null) {
            out.println(USAGE);
            return 0;
        }
        EcsServer server;
        try {
            server = start(options);
        } catch (RuntimeException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "ecs4j-shutdown"));
        out.println("ecs4j ECS endpoint listening on " + server.endpoint() + " (runtime " + options.runtime()
                + ", default region " + options.region() + "); press Ctrl-C to stop");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Starts the endpoint described by {@code options}, with the default region's instance made at once. */
    static EcsServer start(Options options) {
        EcsServer server = EcsServer.builder()
                .host(options.host())
                .port(options.port())
                .defaultRegion(options.region())
                .localEcsFactory(factory(options))
                .build()
                .start();
        try {
            server.localEcs(options.region());
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** Parses the options; null for --help. */
    static Options parse(String[] args) {
        int port = 8080;
        String host = "127.0.0.1";
        String region = "us-east-1";
        String account = "000000000000";
        String runtime = "in-memory";
        int instances = 0;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (name.equals("--help") || name.equals("-h")) {
                return null;
            }
            if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown option " + name);
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + name + " needs a value");
                }
                value = args[++i];
            }
            switch (name) {
                case "--port" -> port = integer(name, value, 0, 65535);
                case "--host" -> host = value;
                case "--region" -> region = value;
                case "--account" -> account = value;
                case "--runtime" -> runtime = value.equals("inmemory") ? "in-memory" : value;
                case "--instances" -> instances = integer(name, value, 0, 5000);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        return new Options(port, host, region, account, runtime, instances);
    }

    private static int integer(String name, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ": " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number: " + value);
        }
    }

    /** A factory of started {@code LocalEcs} instances on real time (each owns its {@code TimeSource.system()}), with the runtime and instances asked for. */
    static Function<String, LocalEcs> factory(Options options) {
        RuntimeProvider provider = provider(options.runtime());
        boolean simulated = provider.name().equals("in-memory");
        return region -> {
            if (!simulated && !region.equals(options.region())) {
                // One engine's containers cannot be shared by independent control planes.
                throw WireException.client("This ecs4j endpoint runs the " + provider.name() + " runtime and serves"
                        + " region " + options.region() + " only, but the request is for region " + region
                        + ". Configure your client for region " + options.region() + ".");
            }
            LocalEcs ecs = LocalEcs.builder()
                    .region(region)
                    .accountId(options.account())
                    .runtime(provider.create())
                    .build()
                    .start();
            registerInstances(ecs, options.instances());
            return ecs;
        };
    }

    /** Registers {@code n} simulated instances in {@code default}, round-robin over three zones. */
    static void registerInstances(LocalEcs ecs, int n) {
        String[] zones = {ecs.region() + "a", ecs.region() + "b", ecs.region() + "c"};
        for (int i = 0; i < n; i++) {
            String zone = zones[i % zones.length];
            ecs.registerContainerInstance(RegisterContainerInstanceRequest.builder()
                    .availabilityZone(zone)
                    .attributes(List.of(Attribute.of("ecs4j.simulated", "true")))
                    .build());
        }
    }

    /** The runtime provider called {@code name}, found with ServiceLoader. */
    static RuntimeProvider provider(String name) {
        List<String> names = new ArrayList<>();
        for (RuntimeProvider p : ServiceLoader.load(RuntimeProvider.class)) {
            if (p.name().equals(name)) {
                return p;
            }
            names.add(p.name());
        }
        throw new IllegalArgumentException("no container runtime named '" + name + "' on the class path (found: "
                + (names.isEmpty() ? "none" : String.join(", ", names)) + "). The docker runtime needs"
                + " io.ecs4j:ecs-docker-runtime; the in-memory runtime io.ecs4j:ecs-inmemory-runtime.");
    }
}
