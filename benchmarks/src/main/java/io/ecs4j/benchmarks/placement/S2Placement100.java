package io.ecs4j.benchmarks.placement;

import org.openjdk.jmh.annotations.OperationsPerInvocation;

/** {@link PlacementThroughput} on 100 instances (1_000 placements per invocation). */
@OperationsPerInvocation(1_000)
public class S2Placement100 extends PlacementThroughput {
    @Override
    protected int instances() {
        return 100;
    }
}
