package io.ecs4j.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The overrides a task was started with.
 *
 * <p>Immutable; build with {@link #builder()}. Lists and maps are unmodifiable and never null.
 *
 * @param containerOverrides per-container overrides
 * @param cpu task CPU override, or null
 * @param memory task memory override, or null
 * @param taskRoleArn task role override, or null
 * @param executionRoleArn execution role override, or null
 */
public record TaskOverride(
        List<ContainerOverride> containerOverrides,
        String cpu,
        String memory,
        String taskRoleArn,
        String executionRoleArn) {

    public TaskOverride {
        containerOverrides = containerOverrides == null ? List.of() : List.copyOf(containerOverrides);
    }

    /** A new builder with every component unset (or at its documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.containerOverrides = containerOverrides;
        b.cpu = cpu;
        b.memory = memory;
        b.taskRoleArn = taskRoleArn;
        b.executionRoleArn = executionRoleArn;
        return b;
    }

    /** Builds a {@link TaskOverride}. Not thread-safe. */
    public static final class Builder {
        private List<ContainerOverride> containerOverrides = List.of();
        private String cpu;
        private String memory;
        private String taskRoleArn;
        private String executionRoleArn;

        private Builder() {
        }

        /** Sets {@code containerOverrides}: per-container overrides. */
        public Builder containerOverrides(List<ContainerOverride> containerOverrides) {
            this.containerOverrides = containerOverrides;
            return this;
        }

        /** Sets {@code containerOverrides}. */
        public Builder containerOverrides(ContainerOverride... containerOverrides) {
            this.containerOverrides = List.of(containerOverrides);
            return this;
        }

        /** Sets {@code cpu}: task CPU override, or null. */
        public Builder cpu(String cpu) {
            this.cpu = cpu;
            return this;
        }

        /** Sets {@code memory}: task memory override, or null. */
        public Builder memory(String memory) {
            this.memory = memory;
            return this;
        }

        /** Sets {@code taskRoleArn}: task role override, or null. */
        public Builder taskRoleArn(String taskRoleArn) {
            this.taskRoleArn = taskRoleArn;
            return this;
        }

        /** Sets {@code executionRoleArn}: execution role override, or null. */
        public Builder executionRoleArn(String executionRoleArn) {
            this.executionRoleArn = executionRoleArn;
            return this;
        }

        /** Builds the record. */
        public TaskOverride build() {
            return new TaskOverride(containerOverrides, cpu, memory, taskRoleArn, executionRoleArn);
        }
    }
}
