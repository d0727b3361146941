package io.ecs4j.internal.taskdef;

import static io.ecs4j.internal.taskdef.TaskDefs.assertEcsError;
import static io.ecs4j.internal.taskdef.TaskDefs.assertInvalid;
import static io.ecs4j.internal.taskdef.TaskDefs.container;
import static io.ecs4j.internal.taskdef.TaskDefs.simple;
import static io.ecs4j.internal.taskdef.TaskDefs.taskDef;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.ecs4j.EcsErrorCode;
import io.ecs4j.model.ContainerDefinition;
import io.ecs4j.model.DockerVolumeConfiguration;
import io.ecs4j.model.HostVolume;
import io.ecs4j.model.KeyValuePair;
import io.ecs4j.model.LaunchType;
import io.ecs4j.model.NetworkMode;
import io.ecs4j.model.PlacementConstraint;
import io.ecs4j.model.Tag;
import io.ecs4j.model.Volume;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskLevelValidationTest {

    @Test
    void validate_whenDefinitionIsMinimal_passes() {
        assertThatCode(() -> TaskDefinitionValidator.validate(simple().build())).doesNotThrowAnyException();
    }

    @Test
    void validate_whenFamilyMissing_rejectsFamily() {
        assertInvalid(simple().family(null).build(), "family", "Family should not be null or empty.");
    }

    @Test
    void validate_whenFamilyHasInvalidCharacters_usesEcsWording() {
        assertInvalid(simple().family("my.family").build(), "family", "Family contains invalid characters.");
    }

    @Test
    void validate_whenFamilyTooLong_rejectsFamily() {
        assertInvalid(simple().family("f".repeat(256)).build(), "family", "Family name is longer than 255 characters.");
    }

    @Test
    void validate_whenNoContainers_usesEcsWording() {
        assertInvalid(taskDef().build(), "containerDefinitions", "Container list cannot be empty.");
    }

    @Test
    void validate_whenElevenContainers_usesEcsWording() {
        List<ContainerDefinition> containers = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            containers.add(container("c" + i).build());
        }
        assertInvalid(simple().containerDefinitions(containers).build(), "containerDefinitions", "Too many containers.");
    }

    @Test
    void validate_whenContainerNamesRepeat_rejectsSecond() {
        assertInvalid(taskDef(container("a").build(), container("a").build()).build(), "containerDefinitions[1].name",
                "Duplicate container name 'a'. Container names must be unique within a task definition.");
    }

    @Test
    void validate_whenTaskCpuUnparsable_usesEcsWording() {
        assertInvalid(simple().cpu("lots").build(), "cpu", "Invalid 'cpu' setting for task.");
    }

    @Test
    void validate_whenEc2TaskCpuOutOfRange_usesEcsWording() {
        assertInvalid(simple().cpu("64").build(), "cpu", "Invalid 'cpu' setting for task.");
        assertInvalid(simple().cpu("196609").build(), "cpu", "Invalid 'cpu' setting for task.");
        assertThatCode(() -> TaskDefinitionValidator.validate(simple().cpu("196608").memory("1024").build()))
                .doesNotThrowAnyException();
    }

    @Test
    void validate_whenTaskMemoryUnparsable_usesEcsWording() {
        assertInvalid(simple().memory("2 TB").build(), "memory", "Invalid 'memory' setting for task.");
    }

    @Test
    void validate_whenNoEssentialContainer_usesEcsWording() {
        assertInvalid(taskDef(container("a").essential(false).build()).build(), "containerDefinitions",
                "Task definition doesn't have any essential container.");
    }

    @Test
    void validate_whenContainerMemoryExceedsTaskMemory_usesEcsWording() {
        assertInvalid(taskDef(container("a").memory(600).build()).memory("512").build(), "containerDefinitions[0].memory",
                "'memory' setting for container 'a' is greater than for task.");
    }

    @Test
    void validate_whenContainerHardLimitsSumExceedsTaskMemory_rejects() {
        assertInvalid(taskDef(container("a").memory(300).build(), container("b").memory(300).build()).memory("512").build(),
                "containerDefinitions", "The total memory of the containers (600 MiB) is greater than the task memory (512 MiB).");
    }

    @Test
    void validate_whenContainerCpuSumExceedsTaskCpu_rejects() {
        assertInvalid(taskDef(container("a").cpu(200).build(), container("b").cpu(100).build()).cpu("256").build(),
                "containerDefinitions", "The total cpu of the containers (300 units) is greater than the task cpu (256 units).");
    }

    @Test
    void validate_whenPlacementConstraintIsDistinctInstance_rejects() {
        assertInvalid(simple().placementConstraints(PlacementConstraint.distinctInstance()).build(),
                "placementConstraints[0].type",
                "Invalid placement constraint type 'distinctInstance' for a task definition. Only 'memberOf' is supported.");
    }

    @Test
    void validate_whenMoreThanTenPlacementConstraints_rejects() {
        List<PlacementConstraint> constraints =
                Collections.nCopies(11, PlacementConstraint.memberOf("attribute:ecs.instance-type == t3.micro"));
        assertInvalid(simple().placementConstraints(constraints).build(), "placementConstraints",
                "Too many placement constraints: at most 10 are allowed per task.");
    }

    @Test
    void validate_whenMemberOfHasNoExpression_rejects() {
        assertInvalid(simple().placementConstraints(PlacementConstraint.memberOf(" ")).build(),
                "placementConstraints[0].expression", "A 'memberOf' placement constraint requires an expression.");
    }

    @Test
    void validate_whenPidModeUnknown_rejects() {
        assertInvalid(simple().pidMode("container").build(), "pidMode",
                "Invalid 'pidMode' setting for task. Valid values are host and task.");
    }

    @Test
    void validate_whenIpcModeUnknown_rejects() {
        assertInvalid(simple().ipcMode("shareable").build(), "ipcMode",
                "Invalid 'ipcMode' setting for task. Valid values are host, task and none.");
    }

    @Test
    void validate_whenVolumeNamesRepeat_rejects() {
        assertInvalid(simple().volumes(new Volume("v", null, null, null), new Volume("v", null, null, null)).build(),
                "volumes[1].name", "Duplicate volume name 'v'.");
    }

    @Test
    void validate_whenVolumeNameInvalid_rejects() {
        assertInvalid(simple().volumes(new Volume("my vol", null, null, null)).build(), "volumes[0].name",
                "Volume name 'my vol' is invalid. Up to 255 letters (uppercase and lowercase), numbers, underscores and "
                        + "hyphens are allowed.");
    }

    @Test
    void validate_whenVolumeHasHostAndDockerConfig_rejects() {
        Volume v = new Volume("v", new HostVolume("/data"), DockerVolumeConfiguration.builder().scope("task").build(), null);
        assertInvalid(simple().volumes(v).build(), "volumes[0]",
                "Volume 'v' cannot specify both 'host' and 'dockerVolumeConfiguration'.");
    }

    @Test
    void validate_whenAutoprovisionWithTaskScope_rejects() {
        Volume v = new Volume("v", null, DockerVolumeConfiguration.builder().scope("task").autoprovision(true).build(), null);
        assertInvalid(simple().volumes(v).build(), "volumes[0].dockerVolumeConfiguration.autoprovision",
                "Invalid 'autoprovision' setting for volume 'v'. Autoprovision is only supported when the scope is 'shared'.");
    }

    @Test
    void validate_whenTwoVolumesConfiguredAtLaunch_rejects() {
        assertInvalid(simple().volumes(new Volume("a", null, null, true), new Volume("b", null, null, true)).build(),
                "volumes[1].configuredAtLaunch",
                "A task definition can have at most one volume with 'configuredAtLaunch' set to true.");
    }

    @Test
    void validate_whenEphemeralStorageOutOfRange_rejects() {
        assertInvalid(simple().ephemeralStorageGiB(20).build(), "ephemeralStorage.sizeInGiB",
                "Invalid 'ephemeralStorage.sizeInGiB' setting for task. It must be between 21 and 200 GiB.");
    }

    @Test
    void validate_whenExternalWithAwsvpc_rejects() {
        assertInvalid(simple().requiresCompatibilities(LaunchType.EXTERNAL).networkMode(NetworkMode.AWSVPC).build(),
                "networkMode", "Task definitions for the EXTERNAL launch type do not support network mode 'awsvpc'.");
    }

    @Test
    void validate_whenTagKeyUsesAwsPrefix_rejectsAsInvalidParameter() {
        assertEcsError(() -> TaskDefinitionValidator.validate(simple().tags(Tag.of("aws:owner", "me")).build()),
                EcsErrorCode.INVALID_PARAMETER, "tags[0].key",
                "Tag key 'aws:owner' uses the prefix 'aws:', which is reserved for AWS use.");
    }

    @Test
    void validate_whenMoreThanFiftyTags_rejectsAsInvalidParameter() {
        List<Tag> tags = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            tags.add(Tag.of("k" + i, "v"));
        }
        assertEcsError(() -> TaskDefinitionValidator.validate(simple().tags(tags).build()),
                EcsErrorCode.INVALID_PARAMETER, "tags", "Too many tags: 51. A resource can have at most 50 tags.");
    }

    @Test
    void validate_whenTagKeyTooLongOrValueInvalid_rejects() {
        assertEcsError(() -> TaskDefinitionValidator.validate(simple().tags(Tag.of("k".repeat(129), "v")).build()),
                EcsErrorCode.INVALID_PARAMETER, "tags[0].key", "Tag key must be between 1 and 128 characters long.");
        assertEcsError(() -> TaskDefinitionValidator.validate(simple().tags(Tag.of("k", "v".repeat(257))).build()),
                EcsErrorCode.INVALID_PARAMETER, "tags[0].value", "Tag value for key 'k' is longer than 256 characters.");
        assertEcsError(() -> TaskDefinitionValidator.validate(simple().tags(Tag.of("k", "a;b")).build()),
                EcsErrorCode.INVALID_PARAMETER, "tags[0].value",
                "Tag value for key 'k' contains invalid characters. Allowed: letters, digits, spaces and _ . : / = + - @");
    }

    @Test
    void validate_whenTagKeysRepeat_rejects() {
        assertEcsError(() -> TaskDefinitionValidator.validate(simple().tags(Tag.of("k", "1"), Tag.of("k", "2")).build()),
                EcsErrorCode.INVALID_PARAMETER, "tags[1].key", "Duplicate tag key 'k'.");
    }

    @Test
    void validate_whenJsonLargerThan64KiB_usesEcsWording() {
        List<KeyValuePair> env = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            env.add(KeyValuePair.of("VAR_" + i, "x".repeat(1000)));
        }
        var td = taskDef(container("a").environment(env).build()).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TaskDefinitionValidator.validate(td))
                .isInstanceOfSatisfying(io.ecs4j.EcsException.class, e -> org.assertj.core.api.Assertions
                        .assertThat(e.getMessage()).matches("Actual length: '\\d+'\\. Max allowed length is '65536' bytes\\."));
    }

    @Test
    void validate_sizeCheck_jsonNeverExceedsItsUpperBoundFromToString() throws Exception {
        List<io.ecs4j.model.TaskDefinition> definitions = new ArrayList<>();
        for (String name : List.of("bridge-dynamic-links", "described-output", "fargate-api", "health-and-ordering",
                "volumes", "web-with-sidecar")) {
            try (var in = getClass().getResourceAsStream("/taskdefs/" + name + ".json")) {
                definitions.add(io.ecs4j.json.EcsJson.readTaskDefinition(
                        new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
            }
        }
        // the worst case for the bound: short members full of characters JSON escapes as \\uXXXX
        java.util.Random random = new java.util.Random(11);
        for (int n = 0; n < 200; n++) {
            List<KeyValuePair> env = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(40); i++) {
                StringBuilder value = new StringBuilder();
                for (int c = 0; c < random.nextInt(30); c++) {
                    value.append((char) (random.nextBoolean() ? random.nextInt(0x20) : 0x20 + random.nextInt(0x3000)));
                }
                env.add(KeyValuePair.of("V" + i, value.toString()));
            }
            definitions.add(taskDef(container("a").environment(env).build()).build());
        }

        for (io.ecs4j.model.TaskDefinition td : definitions) {
            int bytes = io.ecs4j.internal.json.Json.write(io.ecs4j.internal.json.TaskDefinitionCodec.write(td), false)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            org.assertj.core.api.Assertions.assertThat(bytes).as(td.family())
                    .isLessThanOrEqualTo(td.toString().length() * 7 + 4096);
        }
    }
}
