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
        Optional<Pearson> overAll = pearson(all);
        Optional<Pearson> overWithoutGender = pearson(withoutGender);
        return new Correlation(model, overAll.map(Pearson::r).orElse(null),
                overAll.map(Pearson::p).orElse(null), all.size(),
                overWithoutGender.map(Pearson::r).orElse(null), overWithoutGender.map(Pearson::p).orElse(null),
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

    private static Optional<Pearson> pearson(List<GroupPoint> points) {
        return Pearson.of(points.stream().mapToDouble(GroupPoint::criticalLayer).toArray(),
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
