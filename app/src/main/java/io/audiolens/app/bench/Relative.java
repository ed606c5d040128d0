package io.audiolens.app.bench;

final class Relative {
    private Relative() {}

    /** max |a − b| / |b| over all elements. */
    static double max(float[][] a, float[][] b) {
        double worst = 0;
        for (int r = 0; r < b.length; r++) {
            for (int c = 0; c < b[r].length; c++) {
                worst = Math.max(worst, Math.abs(a[r][c] - b[r][c]) / Math.abs(b[r][c]));
            }
        }
        return worst;
    }
}
