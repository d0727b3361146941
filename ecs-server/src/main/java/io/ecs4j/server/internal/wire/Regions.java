package io.ecs4j.server.internal.wire;

import io.ecs4j.LocalEcs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** The two ways an endpoint serves regions. */
public final class Regions {
    private Regions() {
    }

    /**
     * One existing instance, serving only its own region; requests signed for another region get a
     * {@code ClientException} that says which region this endpoint serves. The instance is not closed here.
     */
    public static RegionRouter fixed(LocalEcs ecs, String defaultRegion) {
        return new Fixed(ecs, defaultRegion);
    }

    /**
     * One instance per region, made by {@code factory} on the first request for that region (and started if it is
     * not yet). {@link OnDemand#close()} closes every instance it made.
     */
    public static OnDemand onDemand(Function<String, LocalEcs> factory, String defaultRegion) {
        return new OnDemand(factory, defaultRegion);
    }

    private record Fixed(LocalEcs ecs, String defaultRegion) implements RegionRouter {
        Fixed {
            Objects.requireNonNull(ecs, "ecs");
            Objects.requireNonNull(defaultRegion, "defaultRegion");
        }

        @Override
        public LocalEcs forRegion(String region) {
            if (!region.equals(ecs.region())) {
                throw WireException.client("This ecs4j endpoint serves region " + ecs.region()
                        + " only, but the request is for region " + region + ". Configure your client for region "
                        + ecs.region() + ", or run a server per region.");
            }
            return ecs;
        }
    }

    /** Instances per region, created on demand. Thread-safe. */
    public static final class OnDemand implements RegionRouter, AutoCloseable {
        private final Function<String, LocalEcs> factory;
        private final String defaultRegion;
        private final Map<String, LocalEcs> instances = new ConcurrentHashMap<>();
        private volatile boolean closed;

        private OnDemand(Function<String, LocalEcs> factory, String defaultRegion) {
            this.factory = Objects.requireNonNull(factory, "factory");
            this.defaultRegion = Objects.requireNonNull(defaultRegion, "defaultRegion");
        }

        @Override
        public String defaultRegion() {
            return defaultRegion;
        }

        @Override
        public LocalEcs forRegion(String region) {
            LocalEcs ecs = instances.get(region);
            if (ecs != null) {
                return ecs;
            }
            synchronized (this) {
                if (closed) {
                    throw new IllegalStateException("the endpoint is closed");
                }
                return instances.computeIfAbsent(region, this::create);
            }
        }

        private LocalEcs create(String region) {
            LocalEcs ecs = Objects.requireNonNull(factory.apply(region), "the LocalEcs factory returned null");
            if (!ecs.region().equals(region)) {
                ecs.close();
                throw new IllegalStateException("the LocalEcs factory made an instance for region " + ecs.region()
                        + " when asked for " + region);
            }
            if (ecs.state() == LocalEcs.State.NEW) {
                ecs.start();
            }
            return ecs;
        }

        /** The instances made so far. */
        public List<LocalEcs> instances() {
            return new ArrayList<>(instances.values());
        }

        @Override
        public void close() {
            List<LocalEcs> made;
            synchronized (this) {
                closed = true;
                made = new ArrayList<>(instances.values());
                instances.clear();
            }
            for (LocalEcs ecs : made) {
                ecs.close();
            }
        }
    }
}
