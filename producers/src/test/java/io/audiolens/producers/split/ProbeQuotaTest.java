package io.audiolens.producers.split;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.audiolens.schemas.Split;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProbeQuotaTest {

    private static final List<String> GENDER_IDS =
            IntStream.range(0, 500).mapToObj(i -> "SAKURA/gender/clip_" + i + ".wav").toList();

    @Test
    void shouldMakeExactlyProbeSizeClipsProbePerAttribute() {
        ProbeQuota quota = new ProbeQuota(100);

        Map<Split, Long> gender = count(GENDER_IDS, "gender", quota);
        Map<Split, Long> animal = count(GENDER_IDS.subList(0, 150), "animal", quota);

        assertEquals(Map.of(Split.PROBE, 100L, Split.TEST, 400L), gender);
        assertEquals(Map.of(Split.PROBE, 100L, Split.TEST, 50L), animal);
    }

    @Test
    void shouldChooseTheSameProbeSetWhateverTheListingOrder() {
        List<String> shuffled = new ArrayList<>(GENDER_IDS);
        Collections.shuffle(shuffled, new Random(7));

        assertEquals(probeSet(GENDER_IDS, 100), probeSet(shuffled, 100));
    }

    @Test
    void shouldChooseTheProbeSizeSmallestHashes() {
        Set<String> smallest = GENDER_IDS.stream()
                .sorted((a, b) -> Long.compareUnsigned(IdHash.of(a), IdHash.of(b)))
                .limit(100)
                .collect(Collectors.toSet());

        assertEquals(smallest, probeSet(GENDER_IDS, 100));
    }

    @Test
    void shouldMakeEveryClipTestWithProbeSizeZeroAndEveryClipProbeWhenThereAreTooFew() {
        assertEquals(Map.of(Split.TEST, 3L), count(GENDER_IDS.subList(0, 3), "gender", new ProbeQuota(0)));
        assertEquals(Map.of(Split.PROBE, 3L), count(GENDER_IDS.subList(0, 3), "gender", new ProbeQuota(100)));
    }

    @Test
    void shouldHashIdsAsTheFirstEightBytesOfSha256() {
        // pinned: changing the hash changes every probe set, which must be a deliberate decision
        assertEquals(0x5feceb66ffc86f38L, IdHash.of("0"));
    }

    private static Set<String> probeSet(List<String> ids, int probeSize) {
        ProbeQuota quota = new ProbeQuota(probeSize);
        return ids.stream().sorted(IdHash.ORDER)
                .filter(id -> quota.assign(id, "gender") == Split.PROBE)
                .collect(Collectors.toSet());
    }

    private static Map<Split, Long> count(List<String> ids, String attribute, ProbeQuota quota) {
        return ids.stream().sorted(IdHash.ORDER)
                .collect(Collectors.groupingBy(id -> quota.assign(id, attribute), Collectors.counting()));
    }
}
