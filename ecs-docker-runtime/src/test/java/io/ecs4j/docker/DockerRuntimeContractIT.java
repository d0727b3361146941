package io.ecs4j.docker;

import io.ecs4j.tck.AbstractRuntimeContractTest;
import io.ecs4j.tck.RuntimeFixture;

/** The runtime contract suite against the real Docker engine, with busybox recipes. */
@RequiresDocker
class DockerRuntimeContractIT extends AbstractRuntimeContractTest {

    @Override
    protected RuntimeFixture fixture() {
        return new DockerContractFixture();
    }
}
