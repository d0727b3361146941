/**
 * The service scheduler: services, their deployments and the reconciler that keeps their tasks as asked.
 *
 * <p>{@link io.ecs4j.internal.reconcile.Reconciler#reconcile} is a pure, level-based function from a
 * {@link io.ecs4j.internal.reconcile.DesiredService} and an {@link io.ecs4j.internal.reconcile.Observed} state to a
 * {@link io.ecs4j.internal.reconcile.Plan} of {@link io.ecs4j.internal.reconcile.Action}s.
 * {@link io.ecs4j.internal.reconcile.ServiceScheduler} runs it on the cluster's loop at the end of every command that
 * changed a service's tasks or the cluster's instances (and at the instants the plans name), applies the plans through
 * a {@link io.ecs4j.internal.reconcile.SchedulerHost} the engine implements, and publishes immutable
 * {@link io.ecs4j.model.Service} records. The launch backoff is a stateless policy
 * ({@link io.ecs4j.internal.reconcile.LaunchBackoff}) with per-service counts. Decisions where ECS is unclear are listed
 * in {@code docs/services.md}.
 *
 * <p>Internal: no compatibility promise. Everything except the published views is confined to the cluster's loop.
 */
package io.ecs4j.internal.reconcile;
