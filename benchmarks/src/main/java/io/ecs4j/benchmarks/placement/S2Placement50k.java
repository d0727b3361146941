package io.ecs4j.benchmarks.placement;

import org.openjdk.jmh.annotations.OperationsPerInvocation;

/** {@link PlacementThroughput} on 50000 instances (500_000 placements per invocation). */
@OperationsPerInvocation(500_000)
public class S2Placement50k extends PlacementThroughput {
    @Override
    protected int instances() {
        return 50000;
    }
}
