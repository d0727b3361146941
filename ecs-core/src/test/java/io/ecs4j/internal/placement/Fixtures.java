package io.ecs4j.internal.placement;

import io.ecs4j.model.ContainerInstanceStatus;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Test data builders for placement tests. */
final class Fixtures {
    static final String ARN_PREFIX = "arn:aws:ecs:us-east-1:000000000000:container-instance/test/";

    private Fixtures() {
    }

    static InstanceBuilder instance(String id) {
        return new InstanceBuilder(id);
    }

    static String arn(String id) {
        return ARN_PREFIX + id;
    }

    static final class InstanceBuilder {
        private final String id;
        private String ec2InstanceId;
        private ContainerInstanceStatus status = ContainerInstanceStatus.ACTIVE;
        private boolean agentConnected = true;
        private String agentVersion = "1.70.0";
        private Instant registeredAt = Instant.parse("2024-01-01T00:00:00Z");
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private int cpu = 4096;
        private int memory = 8192;
        private final Set<Integer> tcp = new HashSet<>();
        private final Set<Integer> udp = new HashSet<>();

        InstanceBuilder(String id) {
            this.id = id;
            this.ec2InstanceId = "i-" + id;
        }

        InstanceBuilder az(String az) {
            return attribute("ecs.availability-zone", az);
        }

        InstanceBuilder type(String type) {
            return attribute("ecs.instance-type", type);
        }

        InstanceBuilder attribute(String name, String value) {
            attributes.put(name, value);
            return this;
        }

        InstanceBuilder status(ContainerInstanceStatus s) {
            status = s;
            return this;
        }

        InstanceBuilder agentConnected(boolean connected) {
            agentConnected = connected;
            return this;
        }

        InstanceBuilder agentVersion(String v) {
            agentVersion = v;
            return this;
        }

        InstanceBuilder registeredAt(String instant) {
            registeredAt = instant == null ? null : Instant.parse(instant);
            return this;
        }

        InstanceBuilder ec2InstanceId(String ec2) {
            ec2InstanceId = ec2;
            return this;
        }

        InstanceBuilder cpu(int c) {
            cpu = c;
            return this;
        }

        InstanceBuilder memory(int m) {
            memory = m;
            return this;
        }

        InstanceBuilder reservedTcp(Integer... ports) {
            tcp.addAll(Set.of(ports));
            return this;
        }

        InstanceBuilder reservedUdp(Integer... ports) {
            udp.addAll(Set.of(ports));
            return this;
        }

        InstanceSnapshot build() {
            return new InstanceSnapshot(id, arn(id), ec2InstanceId, status, agentConnected, agentVersion, registeredAt,
                    attributes, cpu, memory, tcp, udp);
        }
    }
}
