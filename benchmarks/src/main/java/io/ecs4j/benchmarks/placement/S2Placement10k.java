package io.ecs4j.benchmarks.placement;

import org.openjdk.jmh.annotations.OperationsPerInvocation;

/** {@link PlacementThroughput} on 10000 instances (100_000 placements per invocation). */
@OperationsPerInvocation(100_000)
public class S2Placement10k extends PlacementThroughput {
    @Override
    protected int instances() {
        return 10000;
    }
}
