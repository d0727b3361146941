package io.ecs4j.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.spi.runtime.RuntimeProvider;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class InMemoryRuntimeProviderTest {

    @Test
    void serviceLoader_onTheClasspath_findsTheInMemoryProviderAtPriorityZero() {
        List<RuntimeProvider> providers = ServiceLoader.load(RuntimeProvider.class).stream()
                .map(ServiceLoader.Provider::get).toList();

        assertThat(providers).filteredOn(p -> p instanceof InMemoryRuntimeProvider).singleElement()
                .satisfies(p -> {
                    assertThat(p.name()).isEqualTo("in-memory");
                    assertThat(p.priority()).isZero();
                });
    }

    @Test
    void create_calledTwice_makesIndependentDefaultRuntimes() {
        InMemoryRuntimeProvider provider = new InMemoryRuntimeProvider();

        assertThat(provider.create()).isInstanceOf(InMemoryRuntime.class).isNotSameAs(provider.create());
    }
}
