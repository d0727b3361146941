package io.ecs4j.internal.taskdef;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Task-level {@code cpu} and {@code memory} as ECS writes them ({@code "1024"}, {@code "1 vCPU"}, {@code "0.5 vcpu"};
 * {@code "2048"}, {@code "2GB"}, {@code "2 GB"}), and the Fargate size table (ecs-semantics §2.4). Stateless.
 */
public final class TaskSizes {
    /** EC2/External task cpu range in units (current ECS documentation). */
    public static final int MIN_EC2_CPU = 128;
    public static final int MAX_EC2_CPU = 196_608;

    private static final Pattern CPU = Pattern.compile("(\\d+(?:\\.\\d+)?|\\.\\d+)\\s*(vcpus?)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern MEMORY = Pattern.compile("(\\d+(?:\\.\\d+)?|\\.\\d+)\\s*(gb|gib|mb|mib)?", Pattern.CASE_INSENSITIVE);

    private TaskSizes() {
    }

    /** CPU units of {@code text}, or null when it is not a positive whole number of units. */
    public static Integer parseCpu(String text) {
        Matcher m = CPU.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        BigDecimal value = new BigDecimal(m.group(1));
        if (m.group(2) != null) {
            value = value.multiply(BigDecimal.valueOf(1024));
        }
        return positiveInt(value);
    }

    /** MiB of {@code text}, or null when it is not a positive whole number of MiB. */
    public static Integer parseMemory(String text) {
        Matcher m = MEMORY.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        BigDecimal value = new BigDecimal(m.group(1));
        String unit = m.group(2) == null ? "mb" : m.group(2).toLowerCase(Locale.ROOT);
        if (unit.startsWith("g")) {
            value = value.multiply(BigDecimal.valueOf(1024));
        }
        return positiveInt(value);
    }

    /** Whether Fargate offers {@code cpu} units with {@code memory} MiB. */
    public static boolean isFargateSize(int cpu, int memory) {
        switch (cpu) {
            case 256:
                return memory == 512 || memory == 1024 || memory == 2048;
            case 512:
                return stepped(memory, 1024, 4096, 1024);
            case 1024:
                return stepped(memory, 2048, 8192, 1024);
            case 2048:
                return stepped(memory, 4096, 16384, 1024);
            case 4096:
                return stepped(memory, 8192, 30720, 1024);
            case 8192:
                return stepped(memory, 16384, 61440, 4096);
            case 16384:
                return stepped(memory, 32768, 122880, 8192);
            default:
                return false;
        }
    }

    /** Whether {@code cpu} is one of Fargate's cpu sizes. */
    public static boolean isFargateCpu(int cpu) {
        return cpu == 256 || cpu == 512 || cpu == 1024 || cpu == 2048 || cpu == 4096 || cpu == 8192 || cpu == 16384;
    }

    private static boolean stepped(int memory, int min, int max, int step) {
        return memory >= min && memory <= max && memory % step == 0;
    }

    private static Integer positiveInt(BigDecimal value) {
        if (value.signum() <= 0 || value.stripTrailingZeros().scale() > 0
                || value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            return null;
        }
        return value.intValueExact();
    }
}
