package io.ecs4j.internal.taskdef;

import io.ecs4j.EcsException;
import io.ecs4j.internal.taskdef.TaskDefinitionValidator.Context;
import io.ecs4j.model.ContainerDefinition;
import io.ecs4j.model.NetworkMode;
import io.ecs4j.model.PortMapping;
import io.ecs4j.model.TransportProtocol;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Port-mapping rules per network mode (ecs-semantics §2.9). Stateless. */
final class PortMappingRules {
    private static final Pattern RANGE = Pattern.compile("(\\d{1,5})-(\\d{1,5})");
    private static final Pattern MAPPING_NAME = Pattern.compile("[a-z0-9_][a-z0-9_-]{0,63}");
    private static final int MAX_PORT = 65535;
    private static final int MAX_RANGES = 100;

    private PortMappingRules() {
    }

    /** A span of ports one mapping takes, with the path to blame. */
    private record Span(TransportProtocol protocol, int first, int last, String path) {
    }

    static void validate(Context ctx) {
        List<Span> hostSpans = new ArrayList<>();
        Set<String> mappingNames = new HashSet<>();
        for (int i = 0; i < ctx.containers().size(); i++) {
            ContainerDefinition c = ctx.containers().get(i);
            String path = ctx.path(i) + ".portMappings";
            if (!c.portMappings().isEmpty() && ctx.mode == NetworkMode.NONE) {
                throw EcsException.client(path, "Port mappings are not supported when networkMode=none.");
            }
            List<Span> containerSpans = new ArrayList<>();
            int ranges = 0;
            for (int j = 0; j < c.portMappings().size(); j++) {
                PortMapping p = c.portMappings().get(j);
                String pPath = path + "[" + j + "]";
                Span container = p.containerPortRange() != null
                        ? rangeSpan(p, c, ctx, pPath, ++ranges)
                        : portSpan(p, c, ctx, pPath);
                containerSpans.add(container);
                Span host = hostSpan(p, container, ctx.mode, pPath);
                if (host != null) {
                    hostSpans.add(host);
                }
                if (p.name() != null) {
                    if (!MAPPING_NAME.matcher(p.name()).matches()) {
                        throw ContainerRules.invalid(pPath + ".name", "portMappings.name", c.name(), "A port mapping name "
                                + "has at most 64 lowercase letters, digits, '_' and '-', and does not start with '-'.");
                    }
                    if (!mappingNames.add(p.name())) {
                        throw ContainerRules.invalid(pPath + ".name", "portMappings.name", c.name(),
                                "Port mapping name '" + p.name() + "' is used more than once in the task definition.");
                    }
                }
                if (p.appProtocol() != null && !TaskDefinitionRules.APP_PROTOCOLS.contains(p.appProtocol())) {
                    throw ContainerRules.invalid(pPath + ".appProtocol", "appProtocol", c.name(),
                            "Valid values are http, http2 and grpc.");
                }
            }
            Span overlap = firstOverlap(containerSpans);
            if (overlap != null) {
                throw ContainerRules.invalid(overlap.path(), "portMappings", c.name(), "Container port " + overlap.first()
                        + "/" + overlap.protocol().value() + " is included in more than one port mapping.");
            }
        }
        Span duplicate = firstOverlap(hostSpans);
        if (duplicate != null) {
            throw EcsException.client(duplicate.path() + ".hostPort", duplicate.protocol().value().toUpperCase(java.util.Locale.ROOT)
                    + " host port '" + duplicate.first() + "' is mapped multiple times in task.");
        }
    }

    private static Span portSpan(PortMapping p, ContainerDefinition c, Context ctx, String path) {
        Integer port = p.containerPort();
        if (port == null || port < 1 || port > MAX_PORT) {
            throw EcsException.client(path + ".containerPort", "Invalid 'containerPort' setting for container '" + c.name() + "'.");
        }
        Integer hostPort = p.hostPort();
        if (hostPort != null && (hostPort < 0 || hostPort > MAX_PORT)) {
            throw EcsException.client(path + ".hostPort", "Invalid 'hostPort' setting for container '" + c.name() + "'.");
        }
        if (hostPort != null && !hostPort.equals(port) && (ctx.mode == NetworkMode.AWSVPC || ctx.mode == NetworkMode.HOST)) {
            throw EcsException.client(path + ".hostPort", "When networkMode=" + ctx.mode.value()
                    + ", the host ports and container ports in port mappings must match.");
        }
        return new Span(p.protocolOrDefault(), port, port, path);
    }

    private static Span rangeSpan(PortMapping p, ContainerDefinition c, Context ctx, String path, int count) {
        String rPath = path + ".containerPortRange";
        if (ctx.mode != NetworkMode.BRIDGE && ctx.mode != NetworkMode.AWSVPC) {
            throw ContainerRules.invalid(rPath, "containerPortRange", c.name(),
                    "Port ranges are supported only when networkMode is bridge or awsvpc.");
        }
        if (p.containerPort() != null || p.hostPort() != null) {
            throw ContainerRules.invalid(rPath, "containerPortRange", c.name(),
                    "A port mapping with a containerPortRange must not set containerPort or hostPort.");
        }
        if (count > MAX_RANGES) {
            throw ContainerRules.invalid(rPath, "containerPortRange", c.name(), "At most 100 port ranges are allowed per container.");
        }
        Matcher m = RANGE.matcher(p.containerPortRange());
        if (!m.matches()) {
            throw ContainerRules.invalid(rPath, "containerPortRange", c.name(), "Expected 'first-last', for example '8000-8010'.");
        }
        int first = Integer.parseInt(m.group(1));
        int last = Integer.parseInt(m.group(2));
        if (first < 1 || last > MAX_PORT || first >= last) {
            throw ContainerRules.invalid(rPath, "containerPortRange", c.name(),
                    "Ports must be between 1 and 65535 and the first port must be lower than the last.");
        }
        return new Span(p.protocolOrDefault(), first, last, path);
    }

    /** The host ports a mapping reserves statically; dynamic (bridge, hostPort 0 or unset) ones reserve nothing. */
    private static Span hostSpan(PortMapping p, Span container, NetworkMode mode, String path) {
        if (mode == NetworkMode.AWSVPC || mode == NetworkMode.HOST) {
            return container;
        }
        if (p.containerPortRange() == null && p.hostPort() != null && p.hostPort() > 0) {
            return new Span(container.protocol(), p.hostPort(), p.hostPort(), path);
        }
        return null;
    }

    /** The later span of the first overlapping pair (same protocol), reporting the first shared port; or null. */
    private static Span firstOverlap(List<Span> spans) {
        Span found = null;
        for (TransportProtocol protocol : TransportProtocol.values()) {
            List<Span> sorted = spans.stream().filter(s -> s.protocol() == protocol)
                    .sorted(Comparator.comparingInt(Span::first)).toList();
            for (int i = 1; i < sorted.size(); i++) {
                Span previous = sorted.get(i - 1);
                Span current = sorted.get(i);
                if (current.first() <= previous.last()) {
                    Span candidate = new Span(protocol, current.first(), current.first(),
                            later(previous.path(), current.path(), spans));
                    if (found == null) {
                        found = candidate;
                    }
                    break;
                }
            }
        }
        return found;
    }

    private static String later(String a, String b, List<Span> spans) {
        int ia = indexOf(a, spans);
        int ib = indexOf(b, spans);
        return ia > ib ? a : b;
    }

    private static int indexOf(String path, List<Span> spans) {
        for (int i = 0; i < spans.size(); i++) {
            if (spans.get(i).path().equals(path)) {
                return i;
            }
        }
        return -1;
    }
}
