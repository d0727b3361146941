"""Generates the service model records/enums (run once; the sources are edited by hand afterwards).

usage: service_specs.py <ecs-core/src/main/java/io/ecs4j>
"""
import sys, os
sys.path.insert(0, os.path.dirname(__file__))
from records import gen

ROOT = sys.argv[1]
OUT = []

def rec(pkg, name, doc, spec, builder=True, extra="", imports=()):
    OUT.append((pkg, name, gen("io.ecs4j." + pkg, name, doc, spec, builder, extra, imports)))

ENUM = '''package io.ecs4j.model;

/**
 * {doc}
 *
 * <p>{{@link #value()}} is the string the ECS API uses.
 */
public enum {name} {{
{constants};

    private final String value;

    {name}(String value) {{
        this.value = value;
    }}

    /** The value as the ECS API spells it. */
    public String value() {{
        return value;
    }}

    /**
     * The constant whose {{@linkplain #value() ECS value}} is {{@code value}} (exact match).
     *
     * @throws IllegalArgumentException naming the valid values when there is no such constant
     */
    public static {name} fromValue(String value) {{
        for ({name} candidate : values()) {{
            if (candidate.value.equals(value)) {{
                return candidate;
            }}
        }}
        throw new IllegalArgumentException("'" + value + "' is not a valid {name}; valid values are: {valid}");
    }}

    @Override
    public String toString() {{
        return value;
    }}
}}
'''

def enum(name, doc, values):
    consts = []
    for v in values:
        const = v[0] if isinstance(v, tuple) else v
        wire = v[1] if isinstance(v, tuple) else v
        consts.append('    /** {@code %s} */\n    %s("%s")' % (wire, const, wire))
    OUT.append(("model", name, ENUM.format(doc=doc, name=name, constants=",\n".join(consts),
                                           valid=", ".join(v[1] if isinstance(v, tuple) else v for v in values))))

enum("SchedulingStrategy", "How a service places its tasks: {@code REPLICA} keeps {@code desiredCount} tasks, {@code DAEMON} one task per eligible container instance.",
     ["REPLICA", "DAEMON"])
enum("ServiceStatus", "The status of a service: ACTIVE, DRAINING while it is being deleted, INACTIVE once deleted.",
     ["ACTIVE", "DRAINING", "INACTIVE"])
enum("DeploymentStatus", "The status of a service deployment: PRIMARY (the newest), ACTIVE (older ones still running tasks), INACTIVE (done).",
     ["PRIMARY", "ACTIVE", "INACTIVE"])
enum("RolloutState", "The rollout state of a deployment of the rolling-update ({@code ECS}) controller.",
     ["IN_PROGRESS", "COMPLETED", "FAILED"])
enum("DeploymentControllerType", "The deployment controller of a service; ecs4j runs the rolling-update controller {@code ECS}.",
     ["ECS", "CODE_DEPLOY", "EXTERNAL"])
enum("ThresholdType", "How a deployment circuit breaker's {@code thresholdConfiguration.value} is read.",
     ["BOUNDED_PERCENT", "UNBOUNDED_PERCENT", "COUNT"])

rec("model", "ServiceEvent", "One entry of a service's {@code events[]}: what the service scheduler did or could not do, in ECS's wording.", """
String id ! // a UUID; not null
Instant createdAt ! // when; not null
String message ! // for example {@code (service web) has reached a steady state.}; not null
""", builder=False)

rec("model", "LoadBalancer", "A load balancer a service registers its tasks with (modelled and validated; ecs4j does not run a load balancer).", """
String targetGroupArn // the target group ARN (ALB/NLB), or null
String loadBalancerName // the Classic Load Balancer name, or null
String containerName // the container to register; not null
Integer containerPort // the container port to register
""", builder=False)

rec("model", "ThresholdConfiguration", "When a deployment circuit breaker trips: {@code BOUNDED_PERCENT} (default, value 50: value% of the desired count clamped to 3..200), {@code UNBOUNDED_PERCENT} (value% of the desired count) or {@code COUNT} (value tasks).", """
ThresholdType type ! // how {@code value} is read; not null
int value // the percentage or count
""", builder=False)

rec("model", "DeploymentCircuitBreaker", "The deployment circuit breaker of the rolling-update controller: fail a deployment whose tasks keep failing to start or failing health checks, and optionally roll back to the last deployment that completed.", """
boolean enable // whether the circuit breaker watches deployments
boolean rollback // whether a failed deployment rolls back to the last completed one
Boolean resetOnHealthyTask // whether a task becoming healthy resets the failed-task count; null means true
ThresholdConfiguration thresholdConfiguration // when it trips, or null for BOUNDED_PERCENT 50
""", builder=False)

rec("model", "DeploymentConfiguration", "How a service replaces and adds tasks: the rolling-update bounds and the circuit breaker.", """
DeploymentCircuitBreaker deploymentCircuitBreaker // the circuit breaker, or null (disabled)
Integer maximumPercent // upper bound on RUNNING + PENDING tasks as a percentage of the desired count (rounded down), or null for ECS's default (REPLICA 200, DAEMON 100)
Integer minimumHealthyPercent // lower bound on healthy tasks as a percentage of the desired count (rounded up), or null for ECS's default (REPLICA 100, DAEMON 0)
""")

rec("model", "Deployment", "One deployment of a service: a task definition and configuration the scheduler is rolling out (PRIMARY) or rolling away from (ACTIVE).", """
String id ! // {@code ecs-svc/} and 19 digits; not null
DeploymentStatus status ! // PRIMARY, ACTIVE or INACTIVE; not null
TaskDefinitionArn taskDefinition ! // the task definition; not null
int desiredCount // tasks this deployment should run (the service's desired count for the PRIMARY one)
int pendingCount // its tasks in PENDING
int runningCount // its tasks in RUNNING
int failedTasks // consecutive failed tasks counted by the circuit breaker
Instant createdAt // when it was created
Instant updatedAt // when it last changed
LaunchType launchType // EC2, FARGATE or EXTERNAL
String platformVersion // Fargate platform version, or null
NetworkConfiguration networkConfiguration // awsvpc network configuration, or null
RolloutState rolloutState // IN_PROGRESS, COMPLETED or FAILED
String rolloutStateReason // for example {@code ECS deployment ecs-svc/... completed.}
""")

rec("model", "Service", "A service: keeps a number of copies of a task definition running (REPLICA) or one per container instance (DAEMON), replaces tasks that stop, and rolls out new task definitions, as DescribeServices shows it.", """
ServiceArn serviceArn ! // the ARN; not null
String serviceName ! // the name; not null
ClusterArn clusterArn ! // the cluster; not null
ServiceStatus status ! // ACTIVE, DRAINING (being deleted) or INACTIVE (deleted); not null
int desiredCount // tasks it keeps running; for DAEMON the number of eligible container instances
int runningCount // its tasks in RUNNING, over all deployments
int pendingCount // its tasks in PENDING, over all deployments
LaunchType launchType // EC2, FARGATE or EXTERNAL
String platformVersion // Fargate platform version, or null
TaskDefinitionArn taskDefinition // the task definition of the PRIMARY deployment
DeploymentConfiguration deploymentConfiguration // with ECS's defaults filled in
List<Deployment> deployments // the PRIMARY deployment first, then ACTIVE ones, newest first
List<ServiceEvent> events // newest first, at most 100
String roleArn // the service role, or null
Instant createdAt // when it was created
String createdBy // who created it
List<PlacementConstraint> placementConstraints // placement constraints
List<PlacementStrategy> placementStrategy // placement strategies as given (empty: ECS's default spread over zones, then instances)
NetworkConfiguration networkConfiguration // awsvpc network configuration, or null
int healthCheckGracePeriodSeconds // seconds after a task starts during which failing health checks are ignored
SchedulingStrategy schedulingStrategy // REPLICA or DAEMON
DeploymentControllerType deploymentController // ECS
List<LoadBalancer> loadBalancers // load balancers
boolean enableECSManagedTags // whether tasks get ECS managed tags
String propagateTags // {@code TASK_DEFINITION}, {@code SERVICE} or {@code NONE}
boolean enableExecuteCommand // ECS Exec
List<Tag> tags // tags
""", extra="""    /** The PRIMARY deployment, or null (never null for a service made by ecs4j). */
    public Deployment primaryDeployment() {
        for (Deployment d : deployments) {
            if (d.status() == DeploymentStatus.PRIMARY) {
                return d;
            }
        }
        return null;
    }

    /** What the {@code services-stable} waiter checks: exactly one deployment and {@code runningCount == desiredCount}. */
    public boolean isStable() {
        return status == ServiceStatus.ACTIVE && deployments.size() == 1 && runningCount == desiredCount;
    }
""")

REQ_IMPORTS = ("io.ecs4j.model.DeploymentConfiguration", "io.ecs4j.model.DeploymentControllerType",
               "io.ecs4j.model.LaunchType", "io.ecs4j.model.LoadBalancer", "io.ecs4j.model.NetworkConfiguration",
               "io.ecs4j.model.PlacementConstraint", "io.ecs4j.model.PlacementStrategy",
               "io.ecs4j.model.SchedulingStrategy", "io.ecs4j.model.Tag")

rec("request", "CreateServiceRequest", "CreateService: run and maintain copies of a task definition.", """
String cluster // the cluster, or null for {@code default}
String serviceName // the name, unique among the cluster's ACTIVE and DRAINING services; required
String taskDefinition // {@code family}, {@code family:revision} or an ARN; required
Integer desiredCount // tasks to keep running; required for REPLICA, not allowed for DAEMON
LaunchType launchType // EC2, FARGATE or EXTERNAL, or null (EC2)
String platformVersion // Fargate platform version, or null (LATEST)
SchedulingStrategy schedulingStrategy // REPLICA or DAEMON, or null (REPLICA)
DeploymentConfiguration deploymentConfiguration // the rolling-update bounds and circuit breaker, or null for the defaults
DeploymentControllerType deploymentController // ECS, or null (ECS)
List<PlacementConstraint> placementConstraints // placement constraints (at most 10 with the task definition's)
List<PlacementStrategy> placementStrategy // placement strategies (at most 5); empty for ECS's default
NetworkConfiguration networkConfiguration // required for awsvpc task definitions, else null
Integer healthCheckGracePeriodSeconds // seconds after a task starts during which failing health checks are ignored, or null (0)
List<LoadBalancer> loadBalancers // load balancers (modelled, not wired)
String role // the service role, or null
String clientToken // an idempotency token of at most 36 characters, or null
List<Tag> tags // tags
String propagateTags // {@code TASK_DEFINITION}, {@code SERVICE} or {@code NONE}, or null (NONE)
boolean enableECSManagedTags // add the {@code aws:ecs:serviceName} and {@code aws:ecs:clusterName} tags to tasks
boolean enableExecuteCommand // ECS Exec
""", extra="""    /** A builder for a service called {@code serviceName} of {@code taskDefinition} in {@code cluster}. */
    public static Builder builder(String cluster, String serviceName, String taskDefinition) {
        return builder().cluster(cluster).serviceName(serviceName).taskDefinition(taskDefinition);
    }
""", imports=REQ_IMPORTS)

rec("request", "UpdateServiceRequest", "UpdateService: change a service's desired count, task definition or configuration. A null component leaves that setting unchanged.", """
String cluster // the cluster, or null for {@code default}
String service // the service name or ARN; required
Integer desiredCount // the new desired count, or null
String taskDefinition // a new task definition ({@code family}, {@code family:revision} or an ARN), or null
DeploymentConfiguration deploymentConfiguration // new bounds and circuit breaker, or null
List<PlacementConstraint> placementConstraints // new placement constraints (empty removes them), or null
List<PlacementStrategy> placementStrategy // new placement strategies (empty restores the default), or null
NetworkConfiguration networkConfiguration // a new network configuration, or null
Integer healthCheckGracePeriodSeconds // a new grace period, or null
boolean forceNewDeployment // start a new deployment even if nothing else changes
String platformVersion // a new Fargate platform version, or null
List<LoadBalancer> loadBalancers // new load balancers (empty removes them), or null
Boolean enableExecuteCommand // ECS Exec, or null
Boolean enableECSManagedTags // ECS managed tags, or null
String propagateTags // {@code TASK_DEFINITION}, {@code SERVICE} or {@code NONE}, or null
""", extra="""    /** A builder for {@code service} in {@code cluster}. */
    public static Builder builder(String cluster, String service) {
        return builder().cluster(cluster).service(service);
    }
""", imports=REQ_IMPORTS)

rec("request", "ListServicesRequest", "ListServices: the ARNs of a cluster's ACTIVE services (DRAINING and INACTIVE ones are not listed).", """
String cluster // the cluster, or null for {@code default}
LaunchType launchType // only services of this launch type, or null
SchedulingStrategy schedulingStrategy // only services of this scheduling strategy, or null
Integer maxResults // page size 1–100, or null for 10
String nextToken // from the previous page, or null
""", imports=("io.ecs4j.model.LaunchType", "io.ecs4j.model.SchedulingStrategy"))

for pkg, name, src in OUT:
    path = os.path.join(ROOT, pkg, name + ".java")
    if os.path.exists(path):
        print("exists, skipped:", path)
        continue
    open(path, "w").write(src)
print("generated", len(OUT))
