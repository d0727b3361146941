package io.ecs4j.server.internal.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecs4j.LocalEcs;
import io.ecs4j.model.Deployment;
import io.ecs4j.model.DeploymentCircuitBreaker;
import io.ecs4j.model.DeploymentConfiguration;
import io.ecs4j.model.DeploymentControllerType;
import io.ecs4j.model.LoadBalancer;
import io.ecs4j.model.SchedulingStrategy;
import io.ecs4j.model.Service;
import io.ecs4j.model.ServiceEvent;
import io.ecs4j.request.CreateServiceRequest;
import io.ecs4j.request.DescribeResult;
import io.ecs4j.request.ListServicesRequest;
import io.ecs4j.request.UpdateServiceRequest;
import java.util.List;
import java.util.Map;

/** CreateService, UpdateService, DeleteService, DescribeServices and ListServices. Stateless. */
final class ServiceOperations {
    static final Map<String, SchedulingStrategy> SCHEDULING_STRATEGY =
            Enums.of(SchedulingStrategy.values(), SchedulingStrategy::value);
    static final Map<String, DeploymentControllerType> CONTROLLER =
            Enums.of(DeploymentControllerType.values(), DeploymentControllerType::value);
    static final Map<String, String> SERVICE_FIELD = Enums.strings("TAGS");

    private ServiceOperations() {
    }

    static void register(Map<String, Operation> ops) {
        ops.put("CreateService", new Operation("CreateService", true, ServiceOperations::createService));
        ops.put("UpdateService", new Operation("UpdateService", true, ServiceOperations::updateService));
        ops.put("DeleteService", new Operation("DeleteService", true, ServiceOperations::deleteService));
        ops.put("DescribeServices", new Operation("DescribeServices", false, ServiceOperations::describeServices));
        ops.put("ListServices", new Operation("ListServices", false, ServiceOperations::listServices));
    }

    // ------------------------------------------------------------------ operations

    static ObjectNode createService(LocalEcs ecs, WireInput in) {
        WireInput controller = in.object("deploymentController");
        CreateServiceRequest request = CreateServiceRequest.builder()
                .cluster(in.string("cluster"))
                .serviceName(in.requiredString("serviceName"))
                .taskDefinition(in.string("taskDefinition"))
                .desiredCount(in.integer("desiredCount"))
                .launchType(Operations.launchType(in))
                .platformVersion(in.string("platformVersion"))
                .schedulingStrategy(in.enumValue("schedulingStrategy", SCHEDULING_STRATEGY))
                .deploymentConfiguration(readDeploymentConfiguration(in.object("deploymentConfiguration")))
                .deploymentController(controller == null ? null : controller.requiredEnum("type", CONTROLLER))
                .placementConstraints(in.objects("placementConstraints", Shapes::readPlacementConstraint))
                .placementStrategy(in.objects("placementStrategy", Shapes::readPlacementStrategy))
                .networkConfiguration(Shapes.readNetworkConfiguration(in.object("networkConfiguration")))
                .healthCheckGracePeriodSeconds(in.integer("healthCheckGracePeriodSeconds"))
                .loadBalancers(in.objects("loadBalancers", ServiceOperations::readLoadBalancer))
                .role(in.string("role"))
                .clientToken(in.string("clientToken"))
                .tags(Shapes.readTags(in))
                .propagateTags(in.enumValue("propagateTags", Enums.PROPAGATE_TAGS))
                .enableECSManagedTags(in.bool("enableECSManagedTags", false))
                .enableExecuteCommand(in.bool("enableExecuteCommand", false))
                .build();
        return single(ecs.createService(request), true);
    }

    static ObjectNode updateService(LocalEcs ecs, WireInput in) {
        if (in.has("capacityProviderStrategy")) {
            throw WireException.unsupported("UpdateService with a capacityProviderStrategy is not supported by"
                    + " ecs4j; use launchType when creating the service.");
        }
        boolean hasPlacementConstraints = in.has("placementConstraints");
        boolean hasPlacementStrategy = in.has("placementStrategy");
        boolean hasLoadBalancers = in.has("loadBalancers");
        UpdateServiceRequest request = UpdateServiceRequest.builder()
                .cluster(in.string("cluster"))
                .service(in.requiredString("service"))
                .desiredCount(in.integer("desiredCount"))
                .taskDefinition(in.string("taskDefinition"))
                .deploymentConfiguration(readDeploymentConfiguration(in.object("deploymentConfiguration")))
                .placementConstraints(hasPlacementConstraints
                        ? in.objects("placementConstraints", Shapes::readPlacementConstraint) : null)
                .placementStrategy(hasPlacementStrategy
                        ? in.objects("placementStrategy", Shapes::readPlacementStrategy) : null)
                .networkConfiguration(Shapes.readNetworkConfiguration(in.object("networkConfiguration")))
                .healthCheckGracePeriodSeconds(in.integer("healthCheckGracePeriodSeconds"))
                .forceNewDeployment(in.bool("forceNewDeployment", false))
                .platformVersion(in.string("platformVersion"))
                .loadBalancers(hasLoadBalancers ? in.objects("loadBalancers", ServiceOperations::readLoadBalancer) : null)
                .enableExecuteCommand(in.bool("enableExecuteCommand"))
                .enableECSManagedTags(in.bool("enableECSManagedTags"))
                .propagateTags(in.enumValue("propagateTags", Enums.PROPAGATE_TAGS))
                .build();
        return single(ecs.updateService(request), false);
    }

    static ObjectNode deleteService(LocalEcs ecs, WireInput in) {
        Service s = ecs.deleteService(in.string("cluster"), in.requiredString("service"), in.bool("force", false));
        return single(s, false);
    }

    static ObjectNode describeServices(LocalEcs ecs, WireInput in) {
        String cluster = in.string("cluster");
        List<String> names = in.requiredStrings("services");
        boolean tags = in.enums("include", SERVICE_FIELD).contains("TAGS");
        DescribeResult<Service> result = ecs.describeServices(cluster, names);
        ObjectNode out = WireJson.object();
        WireJson.putList(out, "services", result.items(), true, s -> service(s, tags));
        WireJson.putList(out, "failures", result.failures(), true, Shapes::failure);
        return out;
    }

    static ObjectNode listServices(LocalEcs ecs, WireInput in) {
        ListServicesRequest request = ListServicesRequest.builder()
                .cluster(in.string("cluster"))
                .launchType(in.enumValue("launchType", Enums.LAUNCH_TYPE))
                .schedulingStrategy(in.enumValue("schedulingStrategy", SCHEDULING_STRATEGY))
                .maxResults(in.integer("maxResults"))
                .nextToken(in.string("nextToken"))
                .build();
        var page = ecs.listServices(request);
        ObjectNode out = WireJson.object();
        WireJson.putStrings(out, "serviceArns", page.items(), true);
        WireJson.put(out, "nextToken", page.nextToken());
        return out;
    }

    private static ObjectNode single(Service s, boolean tags) {
        ObjectNode out = WireJson.object();
        out.set("service", service(s, tags));
        return out;
    }

    // ------------------------------------------------------------------ input shapes

    static DeploymentConfiguration readDeploymentConfiguration(WireInput in) {
        if (in == null) {
            return null;
        }
        WireInput cb = in.object("deploymentCircuitBreaker");
        DeploymentCircuitBreaker breaker = null;
        if (cb != null) {
            Boolean enable = cb.bool("enable");
            Boolean rollback = cb.bool("rollback");
            if (enable == null) {
                throw cb.missing("enable");
            }
            if (rollback == null) {
                throw cb.missing("rollback");
            }
            breaker = new DeploymentCircuitBreaker(enable, rollback, null, null);
        }
        String strategy = in.string("strategy");
        if (strategy != null && !strategy.equals("ROLLING")) {
            throw WireException.unsupported("deploymentConfiguration.strategy " + strategy + " is not supported by"
                    + " ecs4j; only ROLLING deployments are.");
        }
        return new DeploymentConfiguration(breaker, in.integer("maximumPercent"), in.integer("minimumHealthyPercent"));
    }

    static LoadBalancer readLoadBalancer(WireInput in) {
        return new LoadBalancer(in.string("targetGroupArn"), in.string("loadBalancerName"),
                in.string("containerName"), in.integer("containerPort"));
    }

    // ------------------------------------------------------------------ output shapes

    /** A service as DescribeServices prints it; {@code tags} only with include TAGS (Create prints them). */
    static ObjectNode service(Service s, boolean tags) {
        ObjectNode o = WireJson.object();
        o.put("serviceArn", s.serviceArn().toString());
        o.put("serviceName", s.serviceName());
        o.put("clusterArn", s.clusterArn().toString());
        WireJson.putList(o, "loadBalancers", s.loadBalancers(), true, ServiceOperations::loadBalancer);
        o.putArray("serviceRegistries");
        o.put("status", s.status().value());
        o.put("desiredCount", s.desiredCount());
        o.put("runningCount", s.runningCount());
        o.put("pendingCount", s.pendingCount());
        WireJson.putValue(o, "launchType", s.launchType());
        WireJson.put(o, "platformVersion", s.platformVersion());
        if (s.taskDefinition() != null) {
            o.put("taskDefinition", s.taskDefinition().toString());
        }
        if (s.deploymentConfiguration() != null) {
            o.set("deploymentConfiguration", deploymentConfiguration(s.deploymentConfiguration()));
        }
        WireJson.putList(o, "deployments", s.deployments(), true, ServiceOperations::deployment);
        WireJson.put(o, "roleArn", s.roleArn());
        WireJson.putList(o, "events", s.events(), true, ServiceOperations::event);
        WireJson.putTimestamp(o, "createdAt", s.createdAt());
        WireJson.putList(o, "placementConstraints", s.placementConstraints(), true, ServiceOperations::constraint);
        WireJson.putList(o, "placementStrategy", s.placementStrategy(), true, ServiceOperations::strategy);
        if (s.networkConfiguration() != null) {
            o.set("networkConfiguration", networkConfiguration(s.networkConfiguration()));
        }
        if (s.healthCheckGracePeriodSeconds() > 0) {
            o.put("healthCheckGracePeriodSeconds", s.healthCheckGracePeriodSeconds());
        }
        WireJson.putValue(o, "schedulingStrategy", s.schedulingStrategy());
        if (s.deploymentController() != null) {
            o.putObject("deploymentController").put("type", s.deploymentController().value());
        }
        WireJson.putList(o, "tags", tags ? s.tags() : List.of(), true, Shapes::tag);
        WireJson.put(o, "createdBy", s.createdBy());
        o.put("enableECSManagedTags", s.enableECSManagedTags());
        o.put("propagateTags", s.propagateTags() == null ? "NONE" : s.propagateTags());
        o.put("enableExecuteCommand", s.enableExecuteCommand());
        return o;
    }

    static ObjectNode deploymentConfiguration(DeploymentConfiguration c) {
        ObjectNode o = WireJson.object();
        if (c.deploymentCircuitBreaker() != null) {
            ObjectNode cb = o.putObject("deploymentCircuitBreaker");
            cb.put("enable", c.deploymentCircuitBreaker().enable());
            cb.put("rollback", c.deploymentCircuitBreaker().rollback());
        }
        WireJson.put(o, "maximumPercent", c.maximumPercent());
        WireJson.put(o, "minimumHealthyPercent", c.minimumHealthyPercent());
        return o;
    }

    static ObjectNode deployment(Deployment d) {
        ObjectNode o = WireJson.object();
        o.put("id", d.id());
        o.put("status", d.status().value());
        if (d.taskDefinition() != null) {
            o.put("taskDefinition", d.taskDefinition().toString());
        }
        o.put("desiredCount", d.desiredCount());
        o.put("pendingCount", d.pendingCount());
        o.put("runningCount", d.runningCount());
        o.put("failedTasks", d.failedTasks());
        WireJson.putTimestamp(o, "createdAt", d.createdAt());
        WireJson.putTimestamp(o, "updatedAt", d.updatedAt());
        WireJson.putValue(o, "launchType", d.launchType());
        WireJson.put(o, "platformVersion", d.platformVersion());
        if (d.networkConfiguration() != null) {
            o.set("networkConfiguration", networkConfiguration(d.networkConfiguration()));
        }
        WireJson.putValue(o, "rolloutState", d.rolloutState());
        WireJson.put(o, "rolloutStateReason", d.rolloutStateReason());
        return o;
    }

    static ObjectNode event(ServiceEvent e) {
        ObjectNode o = WireJson.object();
        o.put("id", e.id());
        WireJson.putTimestamp(o, "createdAt", e.createdAt());
        o.put("message", e.message());
        return o;
    }

    static ObjectNode loadBalancer(LoadBalancer lb) {
        ObjectNode o = WireJson.object();
        WireJson.put(o, "targetGroupArn", lb.targetGroupArn());
        WireJson.put(o, "loadBalancerName", lb.loadBalancerName());
        WireJson.put(o, "containerName", lb.containerName());
        WireJson.put(o, "containerPort", lb.containerPort());
        return o;
    }

    static ObjectNode constraint(io.ecs4j.model.PlacementConstraint c) {
        ObjectNode o = WireJson.object();
        o.put("type", c.type().value());
        WireJson.put(o, "expression", c.expression());
        return o;
    }

    static ObjectNode strategy(io.ecs4j.model.PlacementStrategy s) {
        ObjectNode o = WireJson.object();
        o.put("type", s.type().value());
        WireJson.put(o, "field", s.field());
        return o;
    }

    static ObjectNode networkConfiguration(io.ecs4j.model.NetworkConfiguration n) {
        ObjectNode o = WireJson.object();
        if (n.awsvpcConfiguration() != null) {
            ObjectNode vpc = o.putObject("awsvpcConfiguration");
            WireJson.putStrings(vpc, "subnets", n.awsvpcConfiguration().subnets(), true);
            WireJson.putStrings(vpc, "securityGroups", n.awsvpcConfiguration().securityGroups(), true);
            WireJson.put(vpc, "assignPublicIp", n.awsvpcConfiguration().assignPublicIp() == null ? "DISABLED"
                    : n.awsvpcConfiguration().assignPublicIp());
        }
        return o;
    }
}
