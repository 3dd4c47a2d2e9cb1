package daal4j.linalg;

import daal4j.data.Matrix;

/** Sign conventions that make eigen- and singular vectors independent of the solver's sign choice. */
public final class Signs {

    /**
     * For each row, +1 or -1 so that its largest-magnitude entry becomes positive (the first
     * such entry on ties; +1 for a zero row): the sign-flip rule of oneDAL's deterministic PCA,
     * which makes eigen- and singular vectors independent of the solver's sign choice.
     */
    public static double[] largestEntryPositiveSigns(Matrix rows) {
        double[] signs = new double[rows.rows()];
        double[] v = rows.rowMajorView();
        int p = rows.cols();
        for (int i = 0; i < signs.length; i++) {
            double best = 0;
            for (int j = 0; j < p; j++) {
                double x = v[i * p + j];
                if (Math.abs(x) > Math.abs(best)) {
                    best = x;
                }
            }
            signs[i] = best < 0 ? -1.0 : 1.0;
        }
        return signs;
    }

    private Signs() {
    }
}
