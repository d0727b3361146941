package io.ecs4j.internal.taskdef;

import static io.ecs4j.internal.taskdef.TaskDefs.assertInvalid;
import static io.ecs4j.internal.taskdef.TaskDefs.container;
import static io.ecs4j.internal.taskdef.TaskDefs.taskDef;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.ecs4j.model.ContainerDefinition;
import io.ecs4j.model.HealthCheck;
import io.ecs4j.model.HostEntry;
import io.ecs4j.model.KeyValuePair;
import io.ecs4j.model.LogConfiguration;
import io.ecs4j.model.MountPoint;
import io.ecs4j.model.NetworkMode;
import io.ecs4j.model.RestartPolicy;
import io.ecs4j.model.Secret;
import io.ecs4j.model.TaskDefinition;
import io.ecs4j.model.Ulimit;
import io.ecs4j.model.Volume;
import io.ecs4j.model.VolumeFrom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerValidationTest {

    private static TaskDefinition one(ContainerDefinition.Builder c) {
        return taskDef(c.build()).build();
    }

    private static TaskDefinition awsvpc(ContainerDefinition.Builder c) {
        return taskDef(c.build()).networkMode(NetworkMode.AWSVPC).build();
    }

    @Test
    void validate_whenNameMissing_usesEcsWording() {
        assertInvalid(one(container(null)), "containerDefinitions[0].name", "Container.name should not be null or empty.");
    }

    @Test
    void validate_whenNameHasInvalidCharacters_usesEcsWording() {
        assertInvalid(one(container("web app")), "containerDefinitions[0].name", "Container.name contains invalid characters.");
    }

    @Test
    void validate_whenImageMissing_usesEcsWording() {
        assertInvalid(one(container("a").image("")), "containerDefinitions[0].image",
                "Container.image should not be null or empty.");
    }

    @Test
    void validate_whenImageHasInvalidCharacters_usesEcsWording() {
        assertInvalid(one(container("a").image("$IMAGE_NAME")), "containerDefinitions[0].image",
                "Container.image contains invalid characters.");
    }

    @Test
    void validate_whenImageDigestMalformed_rejects() {
        assertInvalid(one(container("a").image("nginx@sha256:abc")), "containerDefinitions[0].image",
                "Invalid 'image' setting for container 'a'. A digest must be 'sha256:' followed by 64 lowercase hexadecimal characters.");
        assertThatCode(() -> TaskDefinitionValidator.validate(one(container("a").image("nginx@sha256:" + "a".repeat(64)))))
                .doesNotThrowAnyException();
    }

    @Test
    void validate_whenNoMemoryAnywhere_usesEcsWording() {
        assertInvalid(one(container("a").memory(null)), "containerDefinitions[0].memory",
                "Invalid setting for container 'a'. At least one of 'memory' or 'memoryReservation' must be specified.");
    }

    @Test
    void validate_whenOnlyTaskMemory_passes() {
        assertThatCode(() -> TaskDefinitionValidator.validate(taskDef(container("a").memory(null).build()).memory("512").build()))
                .doesNotThrowAnyException();
    }

    @Test
    void validate_whenMemoryBelowReservation_rejects() {
        assertInvalid(one(container("a").memory(128).memoryReservation(256)), "containerDefinitions[0].memoryReservation",
                "Invalid setting for container 'a'. 'memory' must be greater than or equal to 'memoryReservation'.");
    }

    @Test
    void validate_whenMemoryBelowSixMiB_rejects() {
        assertInvalid(one(container("a").memory(4)), "containerDefinitions[0].memory",
                "Invalid 'memory' setting for container 'a'. The minimum is 6 MiB.");
    }

    @Test
    void validate_whenCpuNegative_rejects() {
        assertInvalid(one(container("a").cpu(-1)), "containerDefinitions[0].cpu",
                "Invalid 'cpu' setting for container 'a'. It must not be negative.");
    }

    @Test
    void validate_whenEnvironmentNameEmpty_rejects() {
        assertInvalid(one(container("a").environment(KeyValuePair.of("", "x"))), "containerDefinitions[0].environment[0].name",
                "Invalid 'environment' setting for container 'a'. Environment variable names must not be empty.");
    }

    @Test
    void validate_whenSecretWithoutExecutionRole_usesEcsWording() {
        assertInvalid(one(container("a").secrets(new Secret("DB", "arn:aws:ssm:us-east-1:123456789012:parameter/db"))),
                "executionRoleArn",
                "When you are specifying container secrets, you must also specify a value for 'executionRoleArn'.");
    }

    @Test
    void validate_whenSecretFieldsEmpty_rejects() {
        TaskDefinition td = taskDef(container("a").secrets(new Secret("DB", "")).build())
                .executionRoleArn("arn:aws:iam::123456789012:role/exec").build();
        assertInvalid(td, "containerDefinitions[0].secrets[0].valueFrom",
                "Invalid 'secrets' setting for container 'a'. A secret's 'valueFrom' must not be empty.");
    }

    @Test
    void validate_whenUlimitNameUnknown_rejects() {
        assertInvalid(one(container("a").ulimits(new Ulimit("files", 1, 2))), "containerDefinitions[0].ulimits[0].name",
                "Invalid 'ulimits' setting for container 'a'. 'files' is not a valid ulimit name.");
    }

    @Test
    void validate_whenUlimitSoftAboveHard_rejects() {
        assertInvalid(one(container("a").ulimits(new Ulimit("nofile", 10, 5))), "containerDefinitions[0].ulimits[0].softLimit",
                "Invalid 'ulimits' setting for container 'a'. The soft limit of 'nofile' is greater than its hard limit.");
    }

    @Test
    void validate_whenLinksOutsideBridge_rejects() {
        TaskDefinition td = taskDef(container("a").links("b").build(), container("b").build())
                .networkMode(NetworkMode.HOST).build();
        assertInvalid(td, "containerDefinitions[0].links", "Links are not supported when networkMode=host");
    }

    @Test
    void validate_whenLinkNamesUnknownContainer_rejects() {
        assertInvalid(one(container("a").links("db:database")), "containerDefinitions[0].links[0]",
                "Invalid 'links' setting for container 'a'. Link target 'db' is not another container of this task definition.");
    }

    @Test
    void validate_whenHostnameWithAwsvpc_usesEcsWording() {
        assertInvalid(awsvpc(container("a").hostname("web")), "containerDefinitions[0].hostname",
                "hostname is not supported on container when networkMode=awsvpc");
    }

    @Test
    void validate_whenExtraHostsWithAwsvpc_usesEcsWording() {
        assertInvalid(awsvpc(container("a").extraHosts(new HostEntry("db", "10.0.0.1"))), "containerDefinitions[0].extraHosts",
                "Extra hosts are not supported on container when networkMode=awsvpc");
    }

    @Test
    void validate_whenDnsServersWithAwsvpc_usesEcsWording() {
        assertInvalid(awsvpc(container("a").dnsServers("10.0.0.2")), "containerDefinitions[0].dnsServers",
                "DNS servers are not supported on container when networkMode=awsvpc");
    }

    @Test
    void validate_whenMountPointVolumeUndeclared_rejects() {
        assertInvalid(one(container("a").mountPoints(new MountPoint("data", "/data", null))),
                "containerDefinitions[0].mountPoints[0].sourceVolume",
                "Invalid 'mountPoints' setting for container 'a'. Volume 'data' is not declared in the task definition's volumes.");
    }

    @Test
    void validate_whenMountPointWithoutContainerPath_rejects() {
        TaskDefinition td = taskDef(container("a").mountPoints(new MountPoint("data", null, null)).build())
                .volumes(new Volume("data", null, null, null)).build();
        assertInvalid(td, "containerDefinitions[0].mountPoints[0].containerPath",
                "Invalid 'mountPoints' setting for container 'a'. 'containerPath' is required.");
    }

    @Test
    void validate_whenVolumesFromUnknownContainer_rejects() {
        assertInvalid(one(container("a").volumesFrom(new VolumeFrom("b", true))),
                "containerDefinitions[0].volumesFrom[0].sourceContainer",
                "Invalid 'volumesFrom' setting for container 'a'. Source container 'b' is not another container of this task definition.");
    }

    @Test
    void validate_whenHealthCheckCommandLacksPrefix_rejects() {
        assertInvalid(one(container("a").healthCheck(HealthCheck.builder().command("curl", "localhost").build())),
                "containerDefinitions[0].healthCheck.command",
                "Invalid 'healthCheck.command' setting for container 'a'. The command must start with 'CMD' or 'CMD-SHELL'.");
    }

    @Test
    void validate_whenHealthCheckCommandEmptyAfterPrefix_rejects() {
        assertInvalid(one(container("a").healthCheck(HealthCheck.builder().command("CMD-SHELL").build())),
                "containerDefinitions[0].healthCheck.command",
                "Invalid 'healthCheck.command' setting for container 'a'. The command must name what to run after 'CMD-SHELL'.");
    }

    @Test
    void validate_whenHealthCheckValuesOutOfRange_rejectsEach() {
        HealthCheck ok = HealthCheck.shell("true");
        assertInvalid(one(container("a").healthCheck(ok.toBuilder().interval(4).build())),
                "containerDefinitions[0].healthCheck.interval",
                "Invalid 'healthCheck.interval' setting for container 'a'. It must be between 5 and 300 seconds.");
        assertInvalid(one(container("a").healthCheck(ok.toBuilder().timeout(61).build())),
                "containerDefinitions[0].healthCheck.timeout",
                "Invalid 'healthCheck.timeout' setting for container 'a'. It must be between 2 and 60 seconds.");
        assertInvalid(one(container("a").healthCheck(ok.toBuilder().retries(11).build())),
                "containerDefinitions[0].healthCheck.retries",
                "Invalid 'healthCheck.retries' setting for container 'a'. It must be between 1 and 10.");
        assertInvalid(one(container("a").healthCheck(ok.toBuilder().startPeriod(301).build())),
                "containerDefinitions[0].healthCheck.startPeriod",
                "Invalid 'healthCheck.startPeriod' setting for container 'a'. It must be between 0 and 300 seconds.");
    }

    @Test
    void validate_whenLogDriverUnknown_rejects() {
        assertInvalid(one(container("a").logConfiguration(new LogConfiguration("loki", null, null))),
                "containerDefinitions[0].logConfiguration.logDriver",
                "Invalid 'logDriver' setting for container 'a'. 'loki' is not a supported log driver. Valid values: "
                        + "json-file, syslog, journald, gelf, fluentd, awslogs, splunk, awsfirelens.");
    }

    @Test
    void validate_whenAwslogsWithoutGroup_rejects() {
        assertInvalid(one(container("a").logConfiguration(new LogConfiguration("awslogs", Map.of("awslogs-region", "us-east-1"), null))),
                "containerDefinitions[0].logConfiguration.options.awslogs-group",
                "Log driver awslogs option 'awslogs-group' should not be null or empty.");
    }

    @Test
    void validate_whenRestartPolicyOutOfRange_rejects() {
        assertInvalid(one(container("a").restartPolicy(new RestartPolicy(true, null, 30))),
                "containerDefinitions[0].restartPolicy.restartAttemptPeriod",
                "Invalid 'restartPolicy.restartAttemptPeriod' setting for container 'a'. It must be between 60 and 1800 seconds.");
        assertInvalid(one(container("a").restartPolicy(new RestartPolicy(null, null, null))),
                "containerDefinitions[0].restartPolicy.enabled",
                "Invalid 'restartPolicy' setting for container 'a'. 'enabled' is required.");
        assertInvalid(one(container("a").restartPolicy(new RestartPolicy(true, java.util.Collections.nCopies(51, 1), null))),
                "containerDefinitions[0].restartPolicy.ignoredExitCodes",
                "Invalid 'restartPolicy' setting for container 'a'. At most 50 ignored exit codes are allowed.");
    }

    @Test
    void validate_whenTimeoutNegativeOnEc2_rejects() {
        assertInvalid(one(container("a").stopTimeout(-1)), "containerDefinitions[0].stopTimeout",
                "Invalid 'stopTimeout' setting for container 'a'. It must be at least 0 seconds.");
    }

    @Test
    void validate_whenGpuValueNotANumber_rejects() {
        assertInvalid(one(container("a").resourceRequirements(new io.ecs4j.model.ResourceRequirement("GPU", "two"))),
                "containerDefinitions[0].resourceRequirements[0].value",
                "Invalid 'resourceRequirements' setting for container 'a'. A GPU value must be a positive whole number.");
    }

    @Test
    void validate_whenEnvironmentFilesExceedTen_rejects() {
        List<io.ecs4j.model.EnvironmentFile> files = java.util.Collections.nCopies(11,
                new io.ecs4j.model.EnvironmentFile("arn:aws:s3:::bucket/app.env", "s3"));
        assertInvalid(one(container("a").environmentFiles(files)), "containerDefinitions[0].environmentFiles",
                "Invalid 'environmentFiles' setting for container 'a'. At most 10 environment files are allowed.");
    }
}
