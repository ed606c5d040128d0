package io.audiolens.report.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/** Maximal runs of consecutive indices where a value is defined: where a line is drawn unbroken. */
final class Runs {

    private Runs() {}

    /** [from, to) index pairs. */
    static List<int[]> of(int size, IntPredicate defined) {
        List<int[]> runs = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= size; i++) {
            boolean in = i < size && defined.test(i);
            if (in && start < 0) {
                start = i;
            } else if (!in && start >= 0) {
                runs.add(new int[] {start, i});
                start = -1;
            }
        }
        return runs;
    }
}
