package io.ecs4j.server.internal.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecs4j.LocalEcs;
import io.ecs4j.internal.util.Pagination;
import io.ecs4j.request.Page;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ECS account settings (ListAccountSettings, PutAccountSetting, PutAccountSettingDefault, DeleteAccountSetting), kept
 * by the server per {@link LocalEcs} (that is, per region). They are recorded and reported as ECS does; ecs4j's
 * behaviour does not depend on them (ARNs are always in the long format, which every account has used since 2021).
 * Thread-safe.
 */
final class AccountSettings {
    /** Every setting name with the value an account has before anyone sets it. */
    static final Map<String, String> DEFAULTS = defaults();
    /** The values each setting accepts. */
    private static final Map<String, Set<String>> VALUES = Map.ofEntries(
            Map.entry("serviceLongArnFormat", Set.of("enabled", "disabled")),
            Map.entry("taskLongArnFormat", Set.of("enabled", "disabled")),
            Map.entry("containerInstanceLongArnFormat", Set.of("enabled", "disabled")),
            Map.entry("awsvpcTrunking", Set.of("enabled", "disabled")),
            Map.entry("containerInsights", Set.of("enabled", "disabled", "enhanced")),
            Map.entry("fargateFIPSMode", Set.of("enabled", "disabled")),
            Map.entry("tagResourceAuthorization", Set.of("on", "off")),
            Map.entry("fargateTaskRetirementWaitPeriod", Set.of("0", "7", "14")),
            Map.entry("guardDutyActivate", Set.of("on", "off")),
            Map.entry("defaultLogDriverMode", Set.of("blocking", "non-blocking")),
            Map.entry("fargateEventWindows", Set.of("enabled", "disabled")));
    private static final Map<String, String> NAMES = Enums.strings(DEFAULTS.keySet().toArray(String[]::new));

    private final Map<LocalEcs, Store> stores = new ConcurrentHashMap<>();

    private static Map<String, String> defaults() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("serviceLongArnFormat", "enabled");
        m.put("taskLongArnFormat", "enabled");
        m.put("containerInstanceLongArnFormat", "enabled");
        m.put("awsvpcTrunking", "disabled");
        m.put("containerInsights", "disabled");
        m.put("fargateFIPSMode", "disabled");
        m.put("tagResourceAuthorization", "on");
        m.put("fargateTaskRetirementWaitPeriod", "7");
        m.put("guardDutyActivate", "off");
        m.put("defaultLogDriverMode", "non-blocking");
        m.put("fargateEventWindows", "disabled");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The settings of one account: explicit values per principal; the root principal's are the account defaults. */
    private static final class Store {
        final Map<String, Map<String, String>> byPrincipal = new LinkedHashMap<>();
    }

    /** The operations, bound to this state. */
    void register(Map<String, Operation> ops) {
        ops.put("ListAccountSettings", new Operation("ListAccountSettings", false, this::list));
        ops.put("PutAccountSetting", new Operation("PutAccountSetting", false, this::put));
        ops.put("PutAccountSettingDefault", new Operation("PutAccountSettingDefault", false, this::putDefault));
        ops.put("DeleteAccountSetting", new Operation("DeleteAccountSetting", false, this::delete));
    }

    private Store store(LocalEcs ecs) {
        return stores.computeIfAbsent(ecs, e -> new Store());
    }

    private static String root(LocalEcs ecs) {
        return "arn:aws:iam::" + ecs.accountId() + ":root";
    }

    private static String principal(LocalEcs ecs, WireInput in) {
        String arn = in.string("principalArn");
        if (arn == null) {
            return root(ecs);
        }
        if (!arn.matches("arn:aws[a-z-]*:iam::\\d{12}:(root|user/.+|role/.+)")) {
            throw in.invalid("principalArn", "'" + arn + "' is not the ARN of an IAM user, role or root user.");
        }
        if (!arn.split(":")[4].equals(ecs.accountId())) {
            throw in.invalid("principalArn", "the principal is not in account " + ecs.accountId() + ".");
        }
        return arn;
    }

    private static void checkValue(WireInput in, String name, String value) {
        if (!VALUES.get(name).contains(value)) {
            throw in.invalid("value", "'" + value + "' is not a valid value for " + name + "; valid values: "
                    + String.join(", ", new java.util.TreeSet<>(VALUES.get(name))) + ".");
        }
        if (name.endsWith("LongArnFormat") && value.equals("disabled")) {
            throw WireException.invalidParameter("The " + name + " setting can no longer be disabled: every account"
                    + " uses the long ARN format since April 1, 2021.");
        }
    }

    private static ObjectNode setting(String name, String value, String principal) {
        ObjectNode o = WireJson.object();
        o.put("name", name);
        o.put("value", value);
        o.put("principalArn", principal);
        o.put("type", name.equals("guardDutyActivate") ? "aws_managed" : "user");
        return o;
    }

    private static ObjectNode answer(String name, String value, String principal) {
        ObjectNode out = WireJson.object();
        out.set("setting", setting(name, value, principal));
        return out;
    }

    ObjectNode put(LocalEcs ecs, WireInput in) {
        String name = in.requiredEnum("name", NAMES);
        String value = in.requiredString("value");
        String principal = principal(ecs, in);
        checkValue(in, name, value);
        if (name.equals("fargateFIPSMode") || name.equals("guardDutyActivate")) {
            throw WireException.invalidParameter("The " + name + " setting can only be changed for the account,"
                    + " with PutAccountSettingDefault.");
        }
        Store store = store(ecs);
        synchronized (store) {
            store.byPrincipal.computeIfAbsent(principal, p -> new LinkedHashMap<>()).put(name, value);
        }
        return answer(name, value, principal);
    }

    ObjectNode putDefault(LocalEcs ecs, WireInput in) {
        String name = in.requiredEnum("name", NAMES);
        String value = in.requiredString("value");
        checkValue(in, name, value);
        Store store = store(ecs);
        synchronized (store) {
            store.byPrincipal.computeIfAbsent(root(ecs), p -> new LinkedHashMap<>()).put(name, value);
        }
        return answer(name, value, root(ecs));
    }

    ObjectNode delete(LocalEcs ecs, WireInput in) {
        String name = in.requiredEnum("name", NAMES);
        String principal = principal(ecs, in);
        Store store = store(ecs);
        String removed;
        synchronized (store) {
            Map<String, String> settings = store.byPrincipal.get(principal);
            removed = settings == null ? null : settings.remove(name);
        }
        if (removed == null) {
            throw WireException.invalidParameter("The account setting " + name + " is not set for " + principal
                    + ".");
        }
        return answer(name, removed, principal);
    }

    ObjectNode list(LocalEcs ecs, WireInput in) {
        String name = in.enumValue("name", NAMES);
        String value = in.string("value");
        String principal = principal(ecs, in);
        boolean effective = in.bool("effectiveSettings", false);
        Integer maxResults = in.integer("maxResults");
        String nextToken = in.string("nextToken");
        if (value != null && name == null) {
            throw WireException.invalidParameter("value can only be given together with name.");
        }
        List<String[]> rows = new ArrayList<>();
        Store store = store(ecs);
        synchronized (store) {
            Map<String, String> own = store.byPrincipal.getOrDefault(principal, Map.of());
            Map<String, String> account = store.byPrincipal.getOrDefault(root(ecs), Map.of());
            for (String n : DEFAULTS.keySet()) {
                String v = own.get(n);
                String from = principal;
                if (v == null && effective) {
                    v = account.getOrDefault(n, DEFAULTS.get(n));
                    from = root(ecs);
                }
                if (v != null && (name == null || name.equals(n)) && (value == null || value.equals(v))) {
                    rows.add(new String[] {n, v, from});
                }
            }
        }
        Page<String[]> page = Pagination.page(rows, r -> r[0], maxResults, nextToken,
                "ListAccountSettings|" + principal + "|" + effective + "|" + name + "|" + value, 10, 10);
        ObjectNode out = WireJson.object();
        var settings = out.putArray("settings");
        for (String[] r : page.items()) {
            settings.add(setting(r[0], r[1], r[2]));
        }
        WireJson.put(out, "nextToken", page.nextToken());
        return out;
    }
}
