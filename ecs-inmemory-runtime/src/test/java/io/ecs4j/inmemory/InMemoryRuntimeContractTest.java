package io.ecs4j.inmemory;

import io.ecs4j.tck.AbstractRuntimeContractTest;
import io.ecs4j.tck.RuntimeFixture;

/** The runtime contract, on the in-memory runtime and a virtual clock. */
class InMemoryRuntimeContractTest extends AbstractRuntimeContractTest {

    @Override
    protected RuntimeFixture fixture() {
        return new InMemoryFixture();
    }
}
