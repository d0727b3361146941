package io.ecs4j.benchmarks.placement;

import io.ecs4j.model.PlacementStrategy;
import java.util.List;

/** The strategy chains of benchmarking.md S1. */
public enum Chain {
    /** (a) {@code binpack(memory)}. */
    BINPACK("binpack", List.of(PlacementStrategy.binpack("memory"))),
    /** (b) {@code spread(attribute:ecs.availability-zone)} then {@code binpack(memory)}. */
    SPREAD_BINPACK("spread-binpack", List.of(PlacementStrategy.spread("attribute:ecs.availability-zone"),
            PlacementStrategy.binpack("memory"))),
    /** (c) {@code random}. */
    RANDOM("random", List.of(PlacementStrategy.random()));

    private final String param;
    private final List<PlacementStrategy> strategies;

    Chain(String param, List<PlacementStrategy> strategies) {
        this.param = param;
        this.strategies = strategies;
    }

    public List<PlacementStrategy> strategies() {
        return strategies;
    }

    /** The chain named {@code param} as the JMH {@code chain} parameter spells it. */
    public static Chain parse(String param) {
        for (Chain c : values()) {
            if (c.param.equals(param)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown chain " + param + "; use binpack, spread-binpack or random");
    }
}
