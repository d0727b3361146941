package io.ecs4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.ListAccountSettingsResponse;
import software.amazon.awssdk.services.ecs.model.Setting;
import software.amazon.awssdk.services.ecs.model.SettingName;

/** Account settings through the SDK: kept per region by the server, reported as ECS does. */
class SdkAccountSettingsTest {
    static final String ROOT = "arn:aws:iam::000000000000:root";
    static final String ROLE = "arn:aws:iam::000000000000:role/deployer";
    ServerFixture fixture;
    EcsClient ecs;

    @BeforeEach
    void start() {
        fixture = new ServerFixture();
        ecs = fixture.client();
    }

    @AfterEach
    void stop() {
        ecs.close();
        fixture.close();
    }

    @Test
    void listAccountSettings_nothingSet_isEmpty_butEffectiveShowsDefaults() {
        assertThat(ecs.listAccountSettings(r -> { }).settings()).isEmpty();

        List<Setting> effective = ecs.listAccountSettingsPaginator(r -> r.effectiveSettings(true)).settings()
                .stream().toList();

        assertThat(effective).hasSize(11);
        assertThat(effective).filteredOn(s -> s.name() == SettingName.TASK_LONG_ARN_FORMAT).singleElement()
                .satisfies(s -> {
                    assertThat(s.value()).isEqualTo("enabled");
                    assertThat(s.principalArn()).isEqualTo(ROOT);
                });
        assertThat(effective).filteredOn(s -> s.name() == SettingName.CONTAINER_INSIGHTS).singleElement()
                .satisfies(s -> assertThat(s.value()).isEqualTo("disabled"));
    }

    @Test
    void listAccountSettings_defaultPageIs10() {
        ListAccountSettingsResponse first = ecs.listAccountSettings(r -> r.effectiveSettings(true));

        assertThat(first.settings()).hasSize(10);
        assertThat(first.nextToken()).isNotNull();
        assertThat(ecs.listAccountSettings(r -> r.effectiveSettings(true).nextToken(first.nextToken())).settings())
                .hasSize(1);
    }

    @Test
    void putAccountSetting_forPrincipal_overridesTheDefault() {
        Setting account = ecs.putAccountSettingDefault(r -> r.name(SettingName.CONTAINER_INSIGHTS).value("enabled"))
                .setting();
        Setting role = ecs.putAccountSetting(r -> r.name(SettingName.CONTAINER_INSIGHTS).value("enhanced")
                .principalArn(ROLE)).setting();

        assertThat(account.principalArn()).isEqualTo(ROOT);
        assertThat(role.principalArn()).isEqualTo(ROLE);
        assertThat(ecs.listAccountSettings(r -> r.name(SettingName.CONTAINER_INSIGHTS)).settings())
                .extracting(Setting::value).containsExactly("enabled");
        assertThat(ecs.listAccountSettings(r -> r.name(SettingName.CONTAINER_INSIGHTS).principalArn(ROLE)
                .effectiveSettings(true)).settings()).extracting(Setting::value).containsExactly("enhanced");
        assertThat(ecs.listAccountSettings(r -> r.name(SettingName.AWSVPC_TRUNKING).principalArn(ROLE)
                .effectiveSettings(true)).settings()).extracting(Setting::value).containsExactly("disabled");

        ecs.deleteAccountSetting(r -> r.name(SettingName.CONTAINER_INSIGHTS).principalArn(ROLE));
        assertThat(ecs.listAccountSettings(r -> r.name(SettingName.CONTAINER_INSIGHTS).principalArn(ROLE)
                .effectiveSettings(true)).settings()).extracting(Setting::value).containsExactly("enabled");
    }

    @Test
    void putAccountSetting_invalid_isInvalidParameter() {
        assertThatThrownBy(() -> ecs.putAccountSetting(r -> r.name(SettingName.AWSVPC_TRUNKING).value("maybe")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("disabled, enabled");
        assertThatThrownBy(() -> ecs.putAccountSetting(r -> r.name(SettingName.TASK_LONG_ARN_FORMAT).value("disabled")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("can no longer be disabled");
        assertThatThrownBy(() -> ecs.putAccountSetting(r -> r.name("noSuchSetting").value("on")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("'name'");
        assertThatThrownBy(() -> ecs.putAccountSetting(r -> r.name(SettingName.AWSVPC_TRUNKING).value("enabled")
                .principalArn("arn:aws:iam::111111111111:role/x")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("principalArn");
    }
}
