package io.ecs4j.internal.taskdef;

import static io.ecs4j.internal.taskdef.TaskDefs.assertInvalid;
import static io.ecs4j.internal.taskdef.TaskDefs.fargate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.ecs4j.model.ContainerDefinition;
import io.ecs4j.model.DockerVolumeConfiguration;
import io.ecs4j.model.HostVolume;
import io.ecs4j.model.KernelCapabilities;
import io.ecs4j.model.LinuxParameters;
import io.ecs4j.model.LogConfiguration;
import io.ecs4j.model.NetworkMode;
import io.ecs4j.model.PlacementConstraint;
import io.ecs4j.model.Volume;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FargateValidationTest {

    private static ContainerDefinition.Builder app() {
        return ContainerDefinition.builder("app", "nginx:1.27");
    }

    @Test
    void validate_whenFargateDefinitionValid_passes() {
        assertThatCode(() -> TaskDefinitionValidator.validate(fargate().build())).doesNotThrowAnyException();
    }

    @Test
    void validate_whenFargateWithoutAwsvpc_usesEcsWording() {
        assertInvalid(fargate().networkMode(NetworkMode.BRIDGE).build(), "networkMode",
                "Fargate only supports network mode \u2018awsvpc\u2019.");
    }

    @Test
    void validate_whenFargateWithoutTaskCpu_usesEcsWording() {
        assertInvalid(fargate().cpu(null).build(), "cpu", "Fargate requires that 'cpu' be defined at the task level.");
    }

    @Test
    void validate_whenFargateWithoutTaskMemory_usesEcsWording() {
        assertInvalid(fargate().memory(null).build(), "memory", "Fargate requires that 'memory' be defined at the task level.");
    }

    @ParameterizedTest
    @CsvSource({"256,4096,memory", "512,512,memory", "1024,1536,memory", "8192,18432,memory", "300,1024,cpu", "128,512,cpu"})
    void validate_whenFargateSizeNotInTable_usesEcsWording(String cpu, String memory, String field) {
        assertInvalid(fargate().cpu(cpu).memory(memory).build(), field, "No Fargate configuration exists for given values.");
    }

    @ParameterizedTest
    @CsvSource({"256,512", "0.25 vCPU,2GB", "512,4096", "1 vcpu,8 GB", "2048,16384", "4096,30720", "8192,61440", "16384,122880"})
    void validate_whenFargateSizeInTable_passes(String cpu, String memory) {
        assertThatCode(() -> TaskDefinitionValidator.validate(fargate().cpu(cpu).memory(memory).build()))
                .doesNotThrowAnyException();
    }

    @Test
    void validate_whenFargateWithPidModeHost_usesEcsWording() {
        assertInvalid(fargate().pidMode("host").build(), "pidMode",
                "Tasks using the Fargate launch type do not support pidMode 'host'. The supported value for pidMode is 'task'.");
    }

    @Test
    void validate_whenFargateWithIpcMode_usesEcsWording() {
        assertInvalid(fargate().ipcMode("task").build(), "ipcMode", "Tasks using the Fargate launch type do not support ipcMode.");
    }

    @Test
    void validate_whenFargateWithHostSourcePath_rejects() {
        assertInvalid(fargate().volumes(new Volume("logs", new HostVolume("/var/log"), null, null)).build(),
                "volumes[0].host.sourcePath",
                "Tasks using the Fargate launch type do not support host 'sourcePath' (volume 'logs').");
    }

    @Test
    void validate_whenFargateWithEmptyHostVolume_passes() {
        assertThatCode(() -> TaskDefinitionValidator.validate(
                fargate().volumes(new Volume("scratch", new HostVolume(null), null, null)).build())).doesNotThrowAnyException();
    }

    @Test
    void validate_whenFargateWithDockerVolume_rejects() {
        Volume v = new Volume("data", null, DockerVolumeConfiguration.builder().scope("task").build(), null);
        assertInvalid(fargate().volumes(v).build(), "volumes[0].dockerVolumeConfiguration",
                "Tasks using the Fargate launch type do not support Docker volumes (volume 'data').");
    }

    @Test
    void validate_whenFargateWithPlacementConstraints_rejects() {
        assertInvalid(fargate().placementConstraints(PlacementConstraint.memberOf("attribute:ecs.os-type == linux")).build(),
                "placementConstraints", "Tasks using the Fargate launch type do not support placement constraints.");
    }

    @Test
    void validate_whenFargateWithPrivilegedContainer_rejects() {
        assertInvalid(fargate(app().privileged(true).build()).build(), "containerDefinitions[0].privileged",
                "Tasks using the Fargate launch type do not support privileged containers (container 'app').");
    }

    @Test
    void validate_whenFargateWithDockerSecurityOptions_rejects() {
        assertInvalid(fargate(app().dockerSecurityOptions("no-new-privileges").build()).build(),
                "containerDefinitions[0].dockerSecurityOptions",
                "Tasks using the Fargate launch type do not support 'dockerSecurityOptions' (container 'app').");
    }

    @Test
    void validate_whenFargateAddsCapabilityOtherThanSysPtrace_rejects() {
        LinuxParameters params = new LinuxParameters(null, null, new KernelCapabilities(List.of("NET_ADMIN"), null));
        assertInvalid(fargate(app().linuxParameters(params).build()).build(), "containerDefinitions[0].linuxParameters.capabilities.add",
                "Tasks using the Fargate launch type can only add the SYS_PTRACE kernel capability (container 'app').");
    }

    @Test
    void validate_whenFargateUsesUnsupportedLogDriver_rejects() {
        assertInvalid(fargate(app().logConfiguration(new LogConfiguration("json-file", null, null)).build()).build(),
                "containerDefinitions[0].logConfiguration.logDriver",
                "Invalid 'logDriver' setting for container 'app'. Tasks using the Fargate launch type support only the "
                        + "awslogs, splunk and awsfirelens log drivers.");
    }

    @Test
    void validate_whenFargateAwslogsWithoutExecutionRole_usesEcsWording() {
        LogConfiguration log = new LogConfiguration("awslogs", Map.of("awslogs-group", "/ecs/app"), null);
        assertInvalid(fargate(app().logConfiguration(log).build()).build(), "executionRoleArn",
                "Fargate requires task definition to have execution role ARN to support log driver awslogs.");
    }

    @Test
    void validate_whenFargateTimeoutsOutOfRange_rejects() {
        assertInvalid(fargate(app().stopTimeout(121).build()).build(), "containerDefinitions[0].stopTimeout",
                "Invalid 'stopTimeout' setting for container 'app'. It must be between 2 and 120 seconds on Fargate.");
        assertInvalid(fargate(app().startTimeout(1).build()).build(), "containerDefinitions[0].startTimeout",
                "Invalid 'startTimeout' setting for container 'app'. It must be between 2 and 120 seconds on Fargate.");
    }

    @Test
    void validate_whenFargateWithGpu_rejects() {
        assertInvalid(fargate(app().resourceRequirements(new io.ecs4j.model.ResourceRequirement("GPU", "1")).build()).build(),
                "containerDefinitions[0].resourceRequirements",
                "Tasks using the Fargate launch type do not support GPUs (container 'app').");
    }

    @Test
    void parseCpuAndMemory_whenEcsUnitStrings_returnsUnits() {
        assertThat(TaskSizes.parseCpu("1 vCPU")).isEqualTo(1024);
        assertThat(TaskSizes.parseCpu("0.5 vcpu")).isEqualTo(512);
        assertThat(TaskSizes.parseCpu("2vcpus")).isEqualTo(2048);
        assertThat(TaskSizes.parseCpu(" 256 ")).isEqualTo(256);
        assertThat(TaskSizes.parseCpu("0.1 vCPU")).isNull();
        assertThat(TaskSizes.parseCpu("1.5")).isNull();
        assertThat(TaskSizes.parseCpu("0")).isNull();
        assertThat(TaskSizes.parseMemory("2GB")).isEqualTo(2048);
        assertThat(TaskSizes.parseMemory("2 GB")).isEqualTo(2048);
        assertThat(TaskSizes.parseMemory("0.5 gb")).isEqualTo(512);
        assertThat(TaskSizes.parseMemory("512")).isEqualTo(512);
        assertThat(TaskSizes.parseMemory("512 MiB")).isEqualTo(512);
        assertThat(TaskSizes.parseMemory("-1")).isNull();
        assertThat(TaskSizes.parseMemory("lots")).isNull();
    }
}
