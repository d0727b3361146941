/**
 * ECS task placement for the EC2 launch type: {@link io.ecs4j.internal.placement.PlacementEngine} holds one cluster's
 * placement state and runs the pipeline of ecs-semantics §4 (filters, binding constraints, best-effort strategies);
 * {@link io.ecs4j.internal.placement.QueryLanguage} parses the cluster query language; the validators check
 * constraints, strategies and attributes as the API operations do.
 *
 * <p>Where ECS documents no exact behaviour, this package decides ([rec]):
 * <ul>
 *   <li>Failure {@code arn}: the instance that got furthest through the pipeline (status, agent, required attributes,
 *       CPU, memory, TCP ports, UDP ports, memberOf, distinctInstance), the earliest registered among equals; its
 *       rejection is the reason. Constraint failures use ECS's sentences ({@code MemberOf placement constraint
 *       unsatisfied.}, {@code DistinctInstance placement constraint unsatisfied.}); an instance that is not ACTIVE
 *       (DRAINING, REGISTERING, ...) reports {@code INACTIVE}. Once one task of a call fails, the rest fail alike.</li>
 *   <li>No registered instance (every status except INACTIVE and REGISTRATION_FAILED counts) makes the outcome
 *       {@code noInstances}: RunTask answers {@code No Container Instances were found in your cluster.}</li>
 *   <li>Groups and counts: tasks count for their group (distinctInstance, spread, {@code task:group},
 *       {@code runningTasksCount}) from placement until their desired status becomes STOPPED
 *       ({@code markTaskStopping}); they hold resources until STOPPED ({@code removeTask}). Spread buckets count the
 *       group's tasks on every instance with that value, whatever the instance's status; instances lacking the
 *       attribute, or having it without a value, form one bucket.</li>
 *   <li>Ties left by the strategies are broken at random: uniformly for {@code random}, {@code spread(instanceId)} and
 *       the exact fallbacks; for {@code binpack} by a random key per instance redrawn whenever its reservations
 *       change. Repeated strategies and everything after {@code random} are dropped; no strategy means random.</li>
 *   <li>Query language: keywords are case-insensitive; {@code =~} is a full match; a missing or value-less attribute
 *       makes {@code ==}, {@code in}, {@code =~} and orderings false and their negations true; ordering on attributes
 *       is numeric when the argument is a number; {@code registeredAt} literals denote a day or a second;
 *       {@code task:group != x} means "runs no task of x"; a bare literal after {@code in} is a one-element list;
 *       operators ECS does not list for a subject are parse errors.</li>
 *   <li>Scale-in: unknown task ids first; otherwise repeatedly the task whose instance scores highest (spread: most
 *       tasks of the group in its bucket; binpack: most remaining after the stop), ties at random.</li>
 * </ul>
 *
 * <p>Internal: no compatibility promise. Everything here is confined to the cluster's control loop unless its Javadoc
 * says otherwise.
 */
package io.ecs4j.internal.placement;
