package io.ecs4j.benchmarks.placement;

import org.openjdk.jmh.annotations.OperationsPerInvocation;

/** {@link PlacementThroughput} on 1000 instances (10_000 placements per invocation). */
@OperationsPerInvocation(10_000)
public class S1Placement1k extends PlacementThroughput {
    @Override
    protected int instances() {
        return 1000;
    }
}
