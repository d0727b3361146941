package io.ecs4j.benchmarks.docker;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The statistics the Docker benchmarks report: percentiles, a bootstrap confidence interval of a percentile ratio,
 * and the Mann-Whitney U test. Samples are in milliseconds.
 */
final class Stats {
    private Stats() {
    }

    /** The {@code q}-quantile (0..1) by linear interpolation between order statistics (R type 7). */
    static double percentile(double[] samples, double q) {
        double[] s = samples.clone();
        Arrays.sort(s);
        return sortedPercentile(s, q);
    }

    private static double sortedPercentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    static double mean(double[] samples) {
        return Arrays.stream(samples).average().orElse(Double.NaN);
    }

    /**
     * A 95 % percentile-bootstrap interval of {@code percentile(b, q) / percentile(a, q)}, resampling both sides
     * independently ({@code reps} times, seeded).
     */
    static double[] bootstrapRatio(double[] a, double[] b, double q, int reps, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] ratios = new double[reps];
        double[] ra = new double[a.length];
        double[] rb = new double[b.length];
        for (int r = 0; r < reps; r++) {
            for (int i = 0; i < ra.length; i++) {
                ra[i] = a[random.nextInt(a.length)];
            }
            for (int i = 0; i < rb.length; i++) {
                rb[i] = b[random.nextInt(b.length)];
            }
            Arrays.sort(ra);
            Arrays.sort(rb);
            ratios[r] = sortedPercentile(rb, q) / sortedPercentile(ra, q);
        }
        Arrays.sort(ratios);
        return new double[] {sortedPercentile(ratios, 0.025), sortedPercentile(ratios, 0.975)};
    }

    /**
     * The two-sided Mann-Whitney U test of {@code a} against {@code b} (normal approximation with tie correction,
     * fine from about 20 samples a side).
     *
     * @return {U of b, p-value}
     */
    static double[] mannWhitney(double[] a, double[] b) {
        int n1 = a.length;
        int n2 = b.length;
        int n = n1 + n2;
        double[][] all = new double[n][2];   // value, group (0 = a, 1 = b)
        for (int i = 0; i < n1; i++) {
            all[i] = new double[] {a[i], 0};
        }
        for (int i = 0; i < n2; i++) {
            all[n1 + i] = new double[] {b[i], 1};
        }
        Arrays.sort(all, (x, y) -> Double.compare(x[0], y[0]));
        double rankSumB = 0;
        double tieTerm = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && all[j + 1][0] == all[i][0]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            int ties = j - i + 1;
            tieTerm += (double) ties * ties * ties - ties;
            for (int k = i; k <= j; k++) {
                if (all[k][1] == 1) {
                    rankSumB += rank;
                }
            }
            i = j + 1;
        }
        double u = rankSumB - n2 * (n2 + 1) / 2.0;
        double mu = n1 * (double) n2 / 2.0;
        double sigma = Math.sqrt(n1 * (double) n2 / 12.0 * ((n + 1) - tieTerm / ((double) n * (n - 1))));
        double z = sigma == 0 ? 0 : (Math.abs(u - mu) - 0.5) / sigma;
        double p = Math.min(1.0, 2 * (1 - normalCdf(Math.max(0, z))));
        return new double[] {u, p};
    }

    /** The standard normal CDF (Abramowitz-Stegun 7.1.26 erf approximation, error below 1.5e-7). */
    static double normalCdf(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double erf = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t
                + 0.254829592) * t * Math.exp(-x * x);
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
