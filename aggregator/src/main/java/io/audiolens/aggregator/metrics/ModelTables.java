package io.audiolens.aggregator.metrics;

import io.audiolens.schemas.attributes.Attribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Tables II and III of one model, from its view LAST groups. */
public final class ModelTables {

    private ModelTables() {
    }

    public static List<TableIIRow> tableII(String model, List<GroupPoint> points) {
        Map<String, List<GroupPoint>> byAttribute = points.stream().sorted(GroupPoint.ORDER)
                .collect(Collectors.groupingBy(GroupPoint::attribute, TreeMap::new, Collectors.toList()));
        List<TableIIRow> rows = new ArrayList<>();
        byAttribute.forEach((attribute, prompts) -> rows.add(new TableIIRow(model, attribute,
                meanOfDefined(prompts, GroupPoint::criticalLayer), meanOfDefined(prompts, GroupPoint::accuracy),
                prompts.size())));
        return rows;
    }

    public static Correlation correlation(String model, List<GroupPoint> points) {
        List<GroupPoint> all = correlated(points, point -> true);
        List<GroupPoint> withoutGender = correlated(points, point -> !isGender(point));
        Optional<PearsonTest> overAll = pearson(all);
        Optional<PearsonTest> overWithoutGender = pearson(withoutGender);
        return new Correlation(model, overAll.map(PearsonTest::r).orElse(null),
                overAll.map(PearsonTest::p).orElse(null), all.size(),
                overWithoutGender.map(PearsonTest::r).orElse(null), overWithoutGender.map(PearsonTest::p).orElse(null),
                withoutGender.size());
    }

    /** The points that enter r: those with a defined critical layer (their accuracy is then defined too). */
    public static List<GroupPoint> correlated(List<GroupPoint> points, Predicate<GroupPoint> which) {
        return points.stream().filter(point -> point.criticalLayer() != null && point.accuracy() != null)
                .filter(which).sorted(GroupPoint.ORDER).toList();
    }

    private static boolean isGender(GroupPoint point) {
        return point.attribute().equalsIgnoreCase(Attribute.GENDER.name());
    }

    private static Optional<PearsonTest> pearson(List<GroupPoint> points) {
        return PearsonTest.of(points.stream().mapToDouble(GroupPoint::criticalLayer).toArray(),
                points.stream().mapToDouble(GroupPoint::accuracy).toArray());
    }

    private static Double meanOfDefined(List<GroupPoint> points, Function<GroupPoint, Double> value) {
        List<Double> defined = points.stream().map(value).filter(v -> v != null).toList();
        if (defined.isEmpty()) {
            return null;
        }
        double sum = 0;
        for (double v : defined) {
            sum += v;
        }
        return sum / defined.size();
    }
}
