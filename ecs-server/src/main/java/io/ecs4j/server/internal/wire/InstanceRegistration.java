package io.ecs4j.server.internal.wire;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecs4j.model.Resource;
import io.ecs4j.request.RegisterContainerInstanceRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RegisterContainerInstance as the ECS agent sends it: {@code totalResources} (CPU, MEMORY, PORTS, PORTS_UDP),
 * {@code versionInfo}, {@code attributes}, {@code tags} and the EC2 {@code instanceIdentityDocument}, from which the
 * availability zone, instance type and EC2 instance id are taken.
 */
final class InstanceRegistration {
    private InstanceRegistration() {
    }

    static RegisterContainerInstanceRequest read(WireInput in) {
        if (in.has("containerInstanceArn")) {
            throw WireException.unsupported("RegisterContainerInstance with 'containerInstanceArn' (re-registering an"
                    + " existing container instance) is not supported by ecs4j; register a new instance instead.");
        }
        RegisterContainerInstanceRequest.Builder b = RegisterContainerInstanceRequest.builder()
                .cluster(in.string("cluster"))
                .versionInfo(Shapes.readVersionInfo(in.object("versionInfo")))
                .attributes(in.objects("attributes", Shapes::readAttribute))
                .tags(Shapes.readTags(in));
        String document = in.string("instanceIdentityDocument");
        if (document != null && !document.isBlank()) {
            identityDocument(b, document, in.child("instanceIdentityDocument"));
        }
        if (in.has("totalResources")) {
            List<Integer> tcp = List.of();
            List<Integer> udp = List.of();
            for (Resource r : in.objects("totalResources", Shapes::readResource)) {
                switch (r.name()) {
                    case "CPU" -> b.cpu(number(r));
                    case "MEMORY" -> b.memory(number(r));
                    case "PORTS" -> tcp = ports(r);
                    case "PORTS_UDP" -> udp = ports(r);
                    default -> {
                        // GPU and other resources are not modelled; ignored.
                    }
                }
            }
            b.reservedTcpPorts(tcp).reservedUdpPorts(udp);
        }
        return b.build();
    }

    private static void identityDocument(RegisterContainerInstanceRequest.Builder b, String text, String path) {
        JsonNode doc;
        try {
            doc = WireJson.parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (WireException e) {
            throw WireException.invalidParameter("Invalid value for '" + path + "': it is not a JSON document.");
        }
        if (!doc.isObject()) {
            throw WireException.invalidParameter("Invalid value for '" + path + "': it is not a JSON object.");
        }
        String zone = text(doc, "availabilityZone");
        String instanceId = text(doc, "instanceId");
        String instanceType = text(doc, "instanceType");
        if (zone != null) {
            b.availabilityZone(zone);
        }
        if (instanceId != null) {
            b.ec2InstanceId(instanceId);
        }
        if (instanceType != null) {
            b.instanceType(instanceType);
        }
    }

    private static String text(JsonNode doc, String member) {
        JsonNode v = doc.get(member);
        return v != null && v.isTextual() && !v.textValue().isBlank() ? v.textValue() : null;
    }

    private static Integer number(Resource r) {
        if (r.integerValue() != null && r.integerValue() != 0) {
            return r.integerValue();
        }
        if (r.longValue() != null && r.longValue() != 0) {
            return (int) Math.min(Integer.MAX_VALUE, r.longValue());
        }
        if (r.doubleValue() != null && r.doubleValue() != 0) {
            return (int) Math.min(Integer.MAX_VALUE, r.doubleValue().longValue());
        }
        return r.integerValue();
    }

    private static List<Integer> ports(Resource r) {
        List<Integer> out = new ArrayList<>();
        for (String s : r.stringSetValue()) {
            try {
                out.add(Integer.parseInt(s.trim()));
            } catch (NumberFormatException e) {
                throw WireException.invalidParameter("Invalid value for 'totalResources' " + r.name() + ": '" + s
                        + "' is not a port number.");
            }
        }
        return out;
    }
}
