package kiji.ranking;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Zipf-distributed ranks 0..n-1 by inverse CDF: rank r has weight 1/(r+1)^s. */
final class Zipf {
    private final double[] cdf;

    private Zipf(double[] cdf) {
        this.cdf = cdf;
    }

    static Zipf of(int n, double s) {
        double[] cdf = new double[n];
        double sum = 0;
        for (int r = 0; r < n; r++) {
            sum += 1.0 / Math.pow(r + 1, s);
            cdf[r] = sum;
        }
        for (int r = 0; r < n; r++) cdf[r] /= sum;
        return new Zipf(cdf);
    }

    int sample(SplittableRandom random) {
        int i = Arrays.binarySearch(cdf, random.nextDouble());
        return Math.min(cdf.length - 1, i >= 0 ? i : -i - 1);
    }
}
