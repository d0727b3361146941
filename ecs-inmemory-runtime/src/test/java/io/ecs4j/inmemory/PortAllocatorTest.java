package io.ecs4j.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecs4j.model.NetworkBinding;
import io.ecs4j.model.TransportProtocol;
import io.ecs4j.spi.runtime.PortSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortAllocatorTest {

    private static final PortSpec DYNAMIC_80 = new PortSpec(80, 0, TransportProtocol.TCP);

    private final PortAllocator ports = new PortAllocator(49153, 65535);

    private int dynamicPort(String host) {
        PortAllocator.Allocation allocation = ports.allocate(host, List.of(DYNAMIC_80), false);
        assertThat(allocation.failed()).isFalse();
        return allocation.bindings().get(0).hostPort();
    }

    @Test
    void allocate_dynamicPorts_startAt49153AndGoUpInOrderWithBindIp0000() {
        PortAllocator.Allocation allocation = ports.allocate("i-1", List.of(DYNAMIC_80,
                new PortSpec(443, 0, TransportProtocol.TCP)), false);

        assertThat(allocation.bindings()).containsExactly(
                new NetworkBinding("0.0.0.0", 80, 49153, TransportProtocol.TCP),
                new NetworkBinding("0.0.0.0", 443, 49154, TransportProtocol.TCP));
        assertThat(dynamicPort("i-1")).isEqualTo(49155);
    }

    @Test
    void allocate_otherHost_hasItsOwnPorts() {
        dynamicPort("i-1");

        assertThat(dynamicPort("i-2")).isEqualTo(49153);
    }

    @Test
    void allocate_otherProtocol_hasItsOwnPorts() {
        dynamicPort("i-1");

        PortAllocator.Allocation udp = ports.allocate("i-1", List.of(new PortSpec(53, 0, TransportProtocol.UDP)),
                false);

        assertThat(udp.bindings().get(0).hostPort()).isEqualTo(49153);
    }

    @Test
    void release_thenAllocate_doesNotReuseTheReleasedPortAtOnce() {
        PortAllocator.Allocation first = ports.allocate("i-1", List.of(DYNAMIC_80), false);
        ports.release("i-1", first.bindings());

        assertThat(dynamicPort("i-1")).isEqualTo(49154);
        assertThat(ports.inUse("i-1", TransportProtocol.TCP)).containsExactly(49154);
    }

    @Test
    void allocate_endOfTheRange_wrapsAroundToFreePorts() {
        PortAllocator small = new PortAllocator(50000, 50002);
        PortAllocator.Allocation a = small.allocate("h", List.of(DYNAMIC_80), false);
        small.allocate("h", List.of(DYNAMIC_80), false);
        small.allocate("h", List.of(DYNAMIC_80), false);
        small.release("h", a.bindings());

        PortAllocator.Allocation wrapped = small.allocate("h", List.of(DYNAMIC_80), false);

        assertThat(wrapped.bindings().get(0).hostPort()).isEqualTo(50000);
    }

    @Test
    void allocate_rangeExhausted_failsAndTakesNothing() {
        PortAllocator small = new PortAllocator(50000, 50001);
        small.allocate("h", List.of(DYNAMIC_80), false);

        PortAllocator.Allocation failed = small.allocate("h", List.of(DYNAMIC_80, DYNAMIC_80), false);

        assertThat(failed.failed()).isTrue();
        assertThat(failed.error()).isEqualTo("all ports are allocated");
        assertThat(small.inUse("h", TransportProtocol.TCP)).containsExactly(50000);
    }

    @Test
    void allocate_staticPort_isTakenAsGiven() {
        PortAllocator.Allocation allocation = ports.allocate("i-1",
                List.of(new PortSpec(80, 8080, TransportProtocol.TCP)), false);

        assertThat(allocation.bindings()).containsExactly(new NetworkBinding("0.0.0.0", 80, 8080, TransportProtocol.TCP));
    }

    @Test
    void allocate_staticPortInUse_failsLikeDockerAndRollsBack() {
        ports.allocate("i-1", List.of(new PortSpec(80, 8080, TransportProtocol.TCP)), false);

        PortAllocator.Allocation conflict = ports.allocate("i-1",
                List.of(DYNAMIC_80, new PortSpec(81, 8080, TransportProtocol.TCP)), false);

        assertThat(conflict.failed()).isTrue();
        assertThat(conflict.error()).isEqualTo("Bind for 0.0.0.0:8080 failed: port is already allocated");
        assertThat(ports.inUse("i-1", TransportProtocol.TCP)).containsExactly(8080);
    }

    @Test
    void allocate_dynamicPort_skipsPortsTakenStatically() {
        ports.allocate("i-1", List.of(new PortSpec(80, 49153, TransportProtocol.TCP)), false);

        assertThat(dynamicPort("i-1")).isEqualTo(49154);
    }

    @Test
    void allocate_hostNetwork_bindsTheContainerPort() {
        PortAllocator.Allocation allocation = ports.allocate("i-1", List.of(DYNAMIC_80), true);

        assertThat(allocation.bindings()).containsExactly(new NetworkBinding("0.0.0.0", 80, 80, TransportProtocol.TCP));
    }

    @Test
    void constructor_invalidRange_throwsIllegalArgumentException() {
        assertThatThrownBy(() -> new PortAllocator(60000, 50000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PortAllocator(0, 50000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PortAllocator(1, 65536)).isInstanceOf(IllegalArgumentException.class);
    }
}
