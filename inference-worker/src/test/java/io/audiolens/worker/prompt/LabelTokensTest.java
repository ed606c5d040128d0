package io.audiolens.worker.prompt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.audiolens.schemas.attributes.Attribute;
import io.audiolens.worker.model.common.HfTokenizer;
import io.audiolens.worker.testing.TinyReference;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LabelTokensTest {
    private static HfTokenizer tokenizer;

    @BeforeAll
    static void load() {
        tokenizer = HfTokenizer.load(TinyReference.FOLDER.resolve("tokenizer.json"));
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    @Test
    void shouldRefuseAnUnknownAttributeNamingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Attribute.named("colour"));
        assertTrue(e.getMessage().contains("colour") && e.getMessage().contains("animal"), e.getMessage());
    }

    @Test
    void shouldRefuseLabelsThatShareTheirFirstToken() {
        // " dogs" is not in the fixture's vocabulary, so it splits into " dog" + "s"
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LabelTokens.firstTokens(tokenizer, List.of("cat", "dog", "dogs"), LabelTokenMode.LEADING_SPACE));
        assertTrue(e.getMessage().contains("\"dog\" and \"dogs\"") && e.getMessage().contains("\" dog\""),
                e.getMessage());
    }

    @Test
    void shouldFindTheFixturesLabelIdsAndOthersWithoutTheLeadingSpaceOnRequest() {
        int[] spaced = LabelTokens.firstTokens(tokenizer, Attribute.ANIMAL.labels(), LabelTokenMode.LEADING_SPACE);
        int[] expected = StreamSupport.stream(TinyReference.json().path("label_token_ids").spliterator(), false)
                .mapToInt(JsonNode::asInt).toArray();
        assertArrayEquals(expected, spaced);
        // this tokenizer has " male" and "male" as two tokens
        int[] bare = LabelTokens.firstTokens(tokenizer, Attribute.GENDER.labels(), LabelTokenMode.NO_SPACE);
        int[] gender = LabelTokens.firstTokens(tokenizer, Attribute.GENDER.labels(), LabelTokenMode.LEADING_SPACE);
        assertNotEquals(gender[0], bare[0]);
        assertNotEquals(gender[1], bare[1]);
    }
}
