package io.ecs4j.internal.placement;

import java.util.Arrays;

/**
 * A version such as {@code 1.14.5}, {@code 1.70.0-rc1} or {@code v2.0}, compared as semantic versions: numeric
 * components left to right (missing ones count as 0), then a release sorts after its pre-releases. Build metadata
 * ({@code +...}) is ignored. Immutable.
 */
final class SemanticVersion implements Comparable<SemanticVersion> {
    private final long[] numbers;
    private final String[] preRelease;

    private SemanticVersion(long[] numbers, String[] preRelease) {
        this.numbers = numbers;
        this.preRelease = preRelease;
    }

    /** The version written as {@code text}, or null when it is not a version. */
    static SemanticVersion parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String s = text.charAt(0) == 'v' || text.charAt(0) == 'V' ? text.substring(1) : text;
        int plus = s.indexOf('+');
        if (plus >= 0) {
            s = s.substring(0, plus);
        }
        String pre = null;
        int dash = s.indexOf('-');
        if (dash >= 0) {
            pre = s.substring(dash + 1);
            s = s.substring(0, dash);
            if (pre.isEmpty()) {
                return null;
            }
        }
        String[] parts = s.split("\\.", -1);
        if (parts.length == 0 || parts.length > 4) {
            return null;
        }
        long[] numbers = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 18) {
                return null;
            }
            for (int k = 0; k < p.length(); k++) {
                if (p.charAt(k) < '0' || p.charAt(k) > '9') {
                    return null;
                }
            }
            numbers[i] = Long.parseLong(p);
        }
        return new SemanticVersion(numbers, pre == null ? null : pre.split("\\.", -1));
    }

    @Override
    public int compareTo(SemanticVersion other) {
        int n = Math.max(numbers.length, other.numbers.length);
        for (int i = 0; i < n; i++) {
            long a = i < numbers.length ? numbers[i] : 0;
            long b = i < other.numbers.length ? other.numbers[i] : 0;
            if (a != b) {
                return a < b ? -1 : 1;
            }
        }
        if (preRelease == null || other.preRelease == null) {
            return preRelease == other.preRelease ? 0 : preRelease == null ? 1 : -1;
        }
        int m = Math.min(preRelease.length, other.preRelease.length);
        for (int i = 0; i < m; i++) {
            int c = compareIdentifier(preRelease[i], other.preRelease[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(preRelease.length, other.preRelease.length);
    }

    private static int compareIdentifier(String a, String b) {
        boolean na = isNumeric(a);
        boolean nb = isNumeric(b);
        if (na && nb) {
            return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
        }
        if (na != nb) {
            return na ? -1 : 1;
        }
        return a.compareTo(b);
    }

    private static boolean isNumeric(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SemanticVersion v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        long[] trimmed = numbers;
        int len = trimmed.length;
        while (len > 1 && trimmed[len - 1] == 0) {
            len--;
        }
        return Arrays.hashCode(Arrays.copyOf(trimmed, len)) * 31 + Arrays.hashCode(preRelease);
    }
}
