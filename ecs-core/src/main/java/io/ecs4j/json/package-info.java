/**
 * ECS JSON in and out: {@link io.ecs4j.json.EcsJson} reads task definitions the way users paste them
 * ({@code register-task-definition --cli-input-json} input or {@code describe-task-definition} output) and writes them
 * the way {@code describe-task-definition} prints them. No Jackson type appears in this package's signatures.
 *
 * <p>Stability: stable. Null policy: parameters and return values are non-null unless the Javadoc says otherwise.
 */
package io.ecs4j.json;
