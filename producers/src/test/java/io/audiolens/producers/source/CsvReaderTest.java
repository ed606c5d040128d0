package io.audiolens.producers.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void shouldSplitPlainFieldsOnCommas() {
        assertEquals(List.of(new CsvRecord(1, List.of("a", "b", "c")), new CsvRecord(2, List.of("1", "", "3"))),
                CsvReader.parse("a,b,c\n1,,3\n", "t.csv"));
    }

    @Test
    void shouldKeepCommasQuotesAndLineBreaksInsideQuotedFields() {
        List<CsvRecord> records = CsvReader.parse(
                "file,instruction\r\nx.wav,\"What is it, \"\"really\"\"?\nAnswer (a), (b).\"\r\ny.wav,plain\r\n", "t.csv");

        assertEquals(List.of("x.wav", "What is it, \"really\"?\nAnswer (a), (b)."), records.get(1).fields());
        assertEquals(new CsvRecord(4, List.of("y.wav", "plain")), records.get(2));
    }

    @Test
    void shouldReadAnEmptyQuotedFieldAndALastLineWithoutBreak() {
        assertEquals(List.of(List.of("a", "", "c")),
                CsvReader.parse("a,\"\",c", "t.csv").stream().map(CsvRecord::fields).toList());
    }

    @Test
    void shouldSkipByteOrderMarkAndBlankLines() {
        List<CsvRecord> records = CsvReader.parse("\uFEFFfile,label\n\nx.wav,male\n\n", "t.csv");

        assertEquals(List.of(new CsvRecord(1, List.of("file", "label")), new CsvRecord(3, List.of("x.wav", "male"))),
                records);
    }

    @Test
    void shouldNameTheLineOfAQuoteThatIsNeverClosed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CsvReader.parse("a,b\nx,\"open\ny,z\n", "meta.csv"));

        assertTrue(e.getMessage().startsWith("meta.csv line 2: a quoted field is never closed"), e.getMessage());
    }

    @Test
    void shouldRefuseTextAfterAClosingQuote() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CsvReader.parse("a,b\n\"x\"y,z\n", "meta.csv"));

        assertTrue(e.getMessage().contains("line 2: text after the closing quote"), e.getMessage());
    }

    @Test
    void shouldRefuseAQuoteInsideAnUnquotedField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CsvReader.parse("a,b\nx\"y\",z\n", "meta.csv"));

        assertTrue(e.getMessage().contains("line 2: a quote inside an unquoted field"), e.getMessage());
    }
}
