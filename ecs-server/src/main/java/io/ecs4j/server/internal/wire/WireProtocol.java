package io.ecs4j.server.internal.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecs4j.EcsErrorCode;
import io.ecs4j.EcsException;
import io.ecs4j.LocalEcs;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The AWS JSON 1.1 protocol of ECS, independent of the HTTP stack: resolves {@code X-Amz-Target}, picks the region
 * from the SigV4 credential scope, parses the body, runs the operation and renders the result or the error
 * ({@code {"__type": ..., "message": ...}}). Never throws: every failure becomes an AWS error response, and only
 * ecs4j's own faults are {@code ServerException} (500, without a stack trace on the wire). Thread-safe.
 */
public final class WireProtocol {
    /** The {@code X-Amz-Target} prefix of ECS. */
    public static final String TARGET_PREFIX = "AmazonEC2ContainerServiceV20141113.";
    /** The content type of requests and responses. */
    public static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private static final System.Logger LOG = System.getLogger(WireProtocol.class.getName());
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

    private final RegionRouter regions;
    private final Map<String, Operation> operations;

    public WireProtocol(RegionRouter regions) {
        this(regions, allOperations());
    }

    private static Map<String, Operation> allOperations() {
        Map<String, Operation> ops = Operations.all();
        new AccountSettings().register(ops);
        return ops;
    }

    /** A protocol serving {@code operations} only (for baselines and tests). */
    public WireProtocol(RegionRouter regions, Map<String, Operation> operations) {
        this.regions = Objects.requireNonNull(regions, "regions");
        this.operations = Map.copyOf(operations);
    }

    /** The names of the supported operations, sorted. */
    public List<String> supportedOperations() {
        return List.copyOf(new TreeSet<>(operations.keySet()));
    }

    /** The names of the model's operations that are answered as unsupported, sorted. */
    public List<String> unsupportedOperations() {
        TreeSet<String> names = new TreeSet<>(ModelOperations.ALL);
        names.removeAll(operations.keySet());
        return Collections.unmodifiableList(List.copyOf(names));
    }

    /**
     * Whether serving {@code target} may wait for a cluster's control loop; the HTTP layer runs such requests on a
     * worker thread. Unknown targets are answered at once (false).
     */
    public boolean isBlocking(String target) {
        Operation op = lookup(target);
        return op != null && op.blocking();
    }

    private Operation lookup(String target) {
        if (target == null || !target.startsWith(TARGET_PREFIX)) {
            return null;
        }
        return operations.get(target.substring(TARGET_PREFIX.length()));
    }

    /**
     * Serves one request.
     *
     * @param target        the {@code X-Amz-Target} header, or null
     * @param authorization the {@code Authorization} header, or null (signatures are not verified)
     * @param body          the request body
     */
    public WireResponse handle(String target, String authorization, byte[] body) {
        try {
            Operation op = resolve(target);
            LocalEcs ecs = regions.forRegion(region(authorization));
            JsonNode json = WireJson.parse(body);
            ObjectNode result = op.handler().handle(ecs, WireInput.root(json));
            return new WireResponse(200, null, WireJson.write(result));
        } catch (WireException e) {
            return error(e);
        } catch (EcsException e) {
            return error(WireException.of(e));
        } catch (IllegalArgumentException e) {
            return error(WireException.invalidParameter(e.getMessage() == null ? "Invalid request." : e.getMessage()));
        } catch (IllegalStateException e) {
            LOG.log(System.Logger.Level.DEBUG, "request refused: {0}", e.getMessage());
            return error(new WireException(EcsErrorCode.SERVER.wireName(), 500,
                    "The ECS endpoint cannot serve requests now: " + e.getMessage()));
        } catch (RuntimeException | StackOverflowError e) {
            LOG.log(System.Logger.Level.ERROR, "bug: request " + target + " failed", e);
            return error(new WireException(EcsErrorCode.SERVER.wireName(), 500,
                    "ecs4j failed to handle the request (" + e.getClass().getSimpleName() + "). This is a bug in ecs4j;"
                            + " the server log has the details."));
        }
    }

    private Operation resolve(String target) {
        if (target == null || target.isEmpty()) {
            throw WireException.unknownOperation("Missing the X-Amz-Target header; expected " + TARGET_PREFIX
                    + "<Operation>.");
        }
        if (!target.startsWith(TARGET_PREFIX)) {
            throw WireException.unknownOperation("Unknown operation target '" + target + "'; this endpoint serves "
                    + TARGET_PREFIX + "<Operation> (Amazon ECS).");
        }
        String name = target.substring(TARGET_PREFIX.length());
        Operation op = operations.get(name);
        if (op != null) {
            return op;
        }
        if (ModelOperations.ALL.contains(name)) {
            throw WireException.unsupported("The ECS operation " + name + " is not supported by ecs4j. Supported"
                    + " operations: " + String.join(", ", supportedOperations()) + ".");
        }
        throw WireException.unknownOperation("Unknown operation " + name + ".");
    }

    /** The region of the SigV4 credential scope ({@code Credential=<key>/<date>/<region>/ecs/aws4_request}). */
    String region(String authorization) {
        if (authorization == null) {
            return regions.defaultRegion();
        }
        int start = authorization.indexOf("Credential=");
        if (start < 0) {
            return regions.defaultRegion();
        }
        start += "Credential=".length();
        int end = start;
        while (end < authorization.length() && authorization.charAt(end) != ','
                && authorization.charAt(end) != ' ') {
            end++;
        }
        String[] scope = authorization.substring(start, end).split("/");
        if (scope.length < 5 || scope[2].isEmpty()) {
            return regions.defaultRegion();
        }
        String region = scope[2];
        if (!REGION.matcher(region).matches()) {
            throw WireException.client("The credential scope names the region '" + region + "', which is not an"
                    + " AWS region name.");
        }
        return region;
    }

    /** Renders {@code e} as the AWS error shape. */
    public static WireResponse error(WireException e) {
        ObjectNode body = WireJson.object();
        body.put("__type", e.type());
        body.put("message", e.getMessage() == null ? e.type() : e.getMessage());
        return new WireResponse(e.status(), e.type(), WireJson.write(body));
    }

    /** The body of an error response as text, for logs and tests. */
    public static String text(WireResponse r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }
}
