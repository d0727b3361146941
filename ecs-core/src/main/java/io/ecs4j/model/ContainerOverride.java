package io.ecs4j.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Per-container overrides of RunTask / StartTask.
 *
 * <p>Immutable; build with {@link #builder()}. Lists and maps are unmodifiable and never null.
 *
 * @param name the container to override
 * @param command replaces the command when not empty
 * @param environment added to (and overriding) the environment
 * @param cpu replaces cpu, or null
 * @param memory replaces memory, or null
 * @param memoryReservation replaces memoryReservation, or null
 */
public record ContainerOverride(
        String name,
        List<String> command,
        List<KeyValuePair> environment,
        Integer cpu,
        Integer memory,
        Integer memoryReservation) {

    public ContainerOverride {
        command = command == null ? List.of() : List.copyOf(command);
        environment = environment == null ? List.of() : List.copyOf(environment);
    }

    /** A new builder with every component unset (or at its documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.command = command;
        b.environment = environment;
        b.cpu = cpu;
        b.memory = memory;
        b.memoryReservation = memoryReservation;
        return b;
    }

    /** Builds a {@link ContainerOverride}. Not thread-safe. */
    public static final class Builder {
        private String name;
        private List<String> command = List.of();
        private List<KeyValuePair> environment = List.of();
        private Integer cpu;
        private Integer memory;
        private Integer memoryReservation;

        private Builder() {
        }

        /** Sets {@code name}: the container to override. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Sets {@code command}: replaces the command when not empty. */
        public Builder command(List<String> command) {
            this.command = command;
            return this;
        }

        /** Sets {@code command}. */
        public Builder command(String... command) {
            this.command = List.of(command);
            return this;
        }

        /** Sets {@code environment}: added to (and overriding) the environment. */
        public Builder environment(List<KeyValuePair> environment) {
            this.environment = environment;
            return this;
        }

        /** Sets {@code environment}. */
        public Builder environment(KeyValuePair... environment) {
            this.environment = List.of(environment);
            return this;
        }

        /** Sets {@code cpu}: replaces cpu, or null. */
        public Builder cpu(Integer cpu) {
            this.cpu = cpu;
            return this;
        }

        /** Sets {@code memory}: replaces memory, or null. */
        public Builder memory(Integer memory) {
            this.memory = memory;
            return this;
        }

        /** Sets {@code memoryReservation}: replaces memoryReservation, or null. */
        public Builder memoryReservation(Integer memoryReservation) {
            this.memoryReservation = memoryReservation;
            return this;
        }

        /** Builds the record. */
        public ContainerOverride build() {
            return new ContainerOverride(name, command, environment, cpu, memory, memoryReservation);
        }
    }
}
