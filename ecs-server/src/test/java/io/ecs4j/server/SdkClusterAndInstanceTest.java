package io.ecs4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Attribute;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterContainsContainerInstancesException;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.ContainerInstanceStatus;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;
import software.amazon.awssdk.services.ecs.model.DescribeContainerInstancesResponse;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.ListClustersResponse;
import software.amazon.awssdk.services.ecs.model.Resource;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.UnsupportedFeatureException;
import software.amazon.awssdk.services.ecs.model.UpdateContainerInstancesStateResponse;
import software.amazon.awssdk.services.ecs.model.VersionInfo;

/** Clusters and container instances through the unmodified AWS SDK for Java v2. */
class SdkClusterAndInstanceTest {
    static ServerFixture fixture;
    static EcsClient ecs;

    @BeforeAll
    static void start() {
        fixture = new ServerFixture();
        ecs = fixture.client();
    }

    @AfterAll
    static void stop() {
        ecs.close();
        fixture.close();
    }

    @Test
    void createCluster_withTagsAndSettings_returnsActiveClusterWithCounters() {
        Cluster c = ecs.createCluster(r -> r.clusterName("sdk-create").tags(Tag.builder().key("team").value("a").build())
                .settings(s -> s.name("containerInsights").value("enabled"))).cluster();

        assertThat(c.clusterArn()).isEqualTo("arn:aws:ecs:us-east-1:000000000000:cluster/sdk-create");
        assertThat(c.clusterName()).isEqualTo("sdk-create");
        assertThat(c.status()).isEqualTo("ACTIVE");
        assertThat(c.registeredContainerInstancesCount()).isZero();
        assertThat(c.runningTasksCount()).isZero();
        assertThat(c.tags()).containsExactly(Tag.builder().key("team").value("a").build());
        assertThat(c.settings()).singleElement().satisfies(s -> assertThat(s.value()).isEqualTo("enabled"));
    }

    @Test
    void createCluster_twice_isIdempotent() {
        String first = ecs.createCluster(r -> r.clusterName("sdk-idem")).cluster().clusterArn();
        String second = ecs.createCluster(r -> r.clusterName("sdk-idem")).cluster().clusterArn();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void describeClusters_withIncludes_returnsTagsSettingsStatisticsAndMissingFailures() {
        ecs.createCluster(r -> r.clusterName("sdk-describe").tags(Tag.builder().key("k").value("v").build()));

        DescribeClustersResponse plain = ecs.describeClusters(r -> r.clusters("sdk-describe", "nope"));
        DescribeClustersResponse full = ecs.describeClusters(r -> r.clusters("sdk-describe")
                .include(ClusterField.TAGS, ClusterField.SETTINGS, ClusterField.STATISTICS));

        assertThat(plain.clusters()).singleElement().satisfies(c -> {
            assertThat(c.clusterName()).isEqualTo("sdk-describe");
            assertThat(c.tags()).isEmpty();
        });
        assertThat(plain.failures()).singleElement().satisfies(f -> {
            assertThat(f.arn()).isEqualTo("arn:aws:ecs:us-east-1:000000000000:cluster/nope");
            assertThat(f.reason()).isEqualTo("MISSING");
        });
        Cluster c = full.clusters().get(0);
        assertThat(c.tags()).extracting(Tag::key).containsExactly("k");
        assertThat(c.settings()).extracting(s -> s.nameAsString() + "=" + s.value())
                .containsExactly("containerInsights=disabled");
        assertThat(c.statistics()).extracting(s -> s.name()).contains("runningEC2TasksCount", "pendingFargateTasksCount");
    }

    @Test
    void describeClusters_empty_describesDefault() {
        assertThat(ecs.describeClusters(r -> { }).clusters()).extracting(Cluster::clusterName).containsExactly("default");
    }

    @Test
    void listClusters_paginates() {
        for (int i = 0; i < 3; i++) {
            int n = i;
            ecs.createCluster(r -> r.clusterName("sdk-page-" + n));
        }
        ListClustersResponse first = ecs.listClusters(r -> r.maxResults(2));
        ListClustersResponse second = ecs.listClusters(r -> r.maxResults(2).nextToken(first.nextToken()));

        assertThat(first.clusterArns()).hasSize(2);
        assertThat(first.nextToken()).isNotNull();
        assertThat(ecs.listClustersPaginator(r -> r.maxResults(1)).clusterArns().stream().toList())
                .contains("arn:aws:ecs:us-east-1:000000000000:cluster/sdk-page-2")
                .doesNotHaveDuplicates();
        assertThat(second.clusterArns()).doesNotContainAnyElementsOf(first.clusterArns());
    }

    @Test
    void deleteCluster_unknown_throwsClusterNotFound() {
        assertThatThrownBy(() -> ecs.deleteCluster(r -> r.cluster("ghost")))
                .isInstanceOf(ClusterNotFoundException.class)
                .hasMessageContaining("Cluster not found.")
                .satisfies(e -> assertThat(((ClusterNotFoundException) e).statusCode()).isEqualTo(400));
    }

    @Test
    void deleteCluster_withInstances_throwsThenSucceedsAfterDeregistration() {
        ecs.createCluster(r -> r.clusterName("sdk-delete"));
        ContainerInstance ci = ecs.registerContainerInstance(r -> r.cluster("sdk-delete")).containerInstance();

        assertThatThrownBy(() -> ecs.deleteCluster(r -> r.cluster("sdk-delete")))
                .isInstanceOf(ClusterContainsContainerInstancesException.class);
        ecs.deregisterContainerInstance(r -> r.cluster("sdk-delete").containerInstance(ci.containerInstanceArn()));
        Cluster deleted = ecs.deleteCluster(r -> r.cluster("sdk-delete")).cluster();

        assertThat(deleted.status()).isEqualTo("INACTIVE");
        assertThat(ecs.describeClusters(r -> r.clusters("sdk-delete")).clusters().get(0).status()).isEqualTo("INACTIVE");
    }

    @Test
    void registerContainerInstance_likeTheAgent_takesResourcesAndIdentityDocument() {
        ecs.createCluster(r -> r.clusterName("sdk-agent"));
        String document = "{\"availabilityZone\":\"us-east-1b\",\"instanceId\":\"i-0123456789abcdef0\","
                + "\"instanceType\":\"c5.xlarge\",\"region\":\"us-east-1\"}";

        ContainerInstance ci = ecs.registerContainerInstance(r -> r.cluster("sdk-agent")
                .instanceIdentityDocument(document)
                .instanceIdentityDocumentSignature("sig")
                .totalResources(
                        Resource.builder().name("CPU").type("INTEGER").integerValue(4096).build(),
                        Resource.builder().name("MEMORY").type("INTEGER").integerValue(7500).build(),
                        Resource.builder().name("PORTS").type("STRINGSET").stringSetValue("22", "2376").build(),
                        Resource.builder().name("PORTS_UDP").type("STRINGSET").stringSetValue().build())
                .versionInfo(VersionInfo.builder().agentVersion("1.80.0").agentHash("abc").dockerVersion("20.10").build())
                .attributes(Attribute.builder().name("stack").value("blue").build())
                .tags(Tag.builder().key("owner").value("me").build())).containerInstance();

        assertThat(ci.containerInstanceArn()).startsWith("arn:aws:ecs:us-east-1:000000000000:container-instance/sdk-agent/");
        assertThat(ci.ec2InstanceId()).isEqualTo("i-0123456789abcdef0");
        assertThat(ci.status()).isEqualTo("ACTIVE");
        assertThat(ci.agentConnected()).isTrue();
        assertThat(ci.versionInfo().agentVersion()).isEqualTo("1.80.0");
        assertThat(ci.registeredResources()).filteredOn(r -> r.name().equals("CPU"))
                .singleElement().satisfies(r -> assertThat(r.integerValue()).isEqualTo(4096));
        assertThat(ci.registeredResources()).filteredOn(r -> r.name().equals("MEMORY"))
                .singleElement().satisfies(r -> assertThat(r.integerValue()).isEqualTo(7500));
        assertThat(ci.registeredResources()).filteredOn(r -> r.name().equals("PORTS"))
                .singleElement().satisfies(r -> assertThat(r.stringSetValue()).containsExactlyInAnyOrder("22", "2376"));
        assertThat(ci.attributes()).extracting(a -> a.name() + "=" + a.value())
                .contains("stack=blue", "ecs.availability-zone=us-east-1b", "ecs.instance-type=c5.xlarge");
        assertThat(ci.tags()).extracting(Tag::key).containsExactly("owner");
        assertThat(ci.registeredAt()).isNotNull();
    }

    @Test
    void containerInstances_describeListDrainAndDeregister() {
        ecs.createCluster(r -> r.clusterName("sdk-ci"));
        String a = ecs.registerContainerInstance(r -> r.cluster("sdk-ci")).containerInstance().containerInstanceArn();
        String b = ecs.registerContainerInstance(r -> r.cluster("sdk-ci")).containerInstance().containerInstanceArn();

        DescribeContainerInstancesResponse described = ecs.describeContainerInstances(r -> r.cluster("sdk-ci")
                .containerInstances(a, "0123456789abcdef0123456789abcdef"));
        UpdateContainerInstancesStateResponse drained = ecs.updateContainerInstancesState(r -> r.cluster("sdk-ci")
                .containerInstances(b).status(ContainerInstanceStatus.DRAINING));
        List<String> draining = ecs.listContainerInstances(r -> r.cluster("sdk-ci")
                .status(ContainerInstanceStatus.DRAINING)).containerInstanceArns();
        ContainerInstance gone = ecs.deregisterContainerInstance(r -> r.cluster("sdk-ci").containerInstance(a))
                .containerInstance();

        assertThat(described.containerInstances()).extracting(ContainerInstance::containerInstanceArn).containsExactly(a);
        assertThat(described.failures()).singleElement().satisfies(f -> assertThat(f.reason()).isEqualTo("MISSING"));
        assertThat(drained.containerInstances()).singleElement()
                .satisfies(ci -> assertThat(ci.status()).isEqualTo("DRAINING"));
        assertThat(draining).containsExactly(b);
        assertThat(gone.status()).isEqualTo("INACTIVE");
        assertThat(ecs.listContainerInstances(r -> r.cluster("sdk-ci")).containerInstanceArns()).containsExactly(b);
    }

    @Test
    void describeContainerInstances_inUnknownCluster_throwsClusterNotFound() {
        assertThatThrownBy(() -> ecs.describeContainerInstances(r -> r.cluster("ghost").containerInstances("x")))
                .isInstanceOf(ClusterNotFoundException.class);
    }

    @Test
    void createCluster_badName_throwsInvalidParameter() {
        assertThatThrownBy(() -> ecs.createCluster(r -> r.clusterName("bad name!")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Cluster name");
    }

    @Test
    void unsupportedOperation_throwsUnsupportedFeatureNamingIt() {
        assertThatThrownBy(() -> ecs.updateCluster(r -> r.cluster("default")))
                .isInstanceOf(UnsupportedFeatureException.class)
                .hasMessageContaining("UpdateCluster");
    }

    @Test
    void otherRegion_isRefusedWithClientExceptionNamingTheServedRegion() {
        try (EcsClient west = fixture.client(Region.EU_WEST_1)) {
            assertThatThrownBy(west::listClusters)
                    .isInstanceOf(ClientException.class)
                    .hasMessageContaining("serves region us-east-1 only")
                    .hasMessageContaining("eu-west-1");
        }
    }
}
