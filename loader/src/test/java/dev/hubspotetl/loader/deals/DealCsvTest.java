package dev.hubspotetl.loader.deals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubspotetl.schemas.Deal;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * DealCsv writes its bytes itself; these tests hold them to the bytes of the Writer chain it
 * replaced ({@link WriterDealCsv} through BufferedWriter → OutputStreamWriter(UTF-8)), on random
 * rows rich in what CSV and UTF-8 find hard.
 */
class DealCsvTest {

    /** The repository's sizes, and buffers small enough to split values, pairs and quotes anywhere. */
    private static final int[] BUFFER_SIZES = {1 << 16, 32, 33, 47, 100, 1000};
    private static final String[] PIECES = {"a", "Deal 42", " ", "\"", "\"\"", ",", "\r", "\n", "\r\n", "\\", "\\N",
        "\t", "é", "ß", "€", "中文", "\u007F", "\u0080", "\u07FF", "\u0800", "\uFFFF", "\uFEFF", "\u0000",
        "\uD83D\uDE00", "\uD83D\uDC4D\uD83C\uDFFD", "\uDBFF\uDFFF", "\uD800\uDC00", "\uD83D", "\uDE00", "\uDC00\uD800",
        "{\"dealname\":\"x, \\\"y\\\"\"}"};

    @Test
    void shouldWriteTheSameBytesAsTheWriterChainForEveryRandomRow() throws IOException {
        Random random = new Random(20240601L);
        for (int i = 0; i < 5_000; i++) {
            DealRow row = randomRow(random);
            byte[] expected = viaWriter(List.of(row));
            for (int size : BUFFER_SIZES) {
                assertThat(viaBuffer(List.of(row), size)).as("row %d, buffer of %d bytes", i, size)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void shouldWriteTheSameBytesAsTheWriterChainForWholeBatches() throws IOException {
        Random random = new Random(7L);
        for (int batch = 0; batch < 20; batch++) {
            List<DealRow> rows = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                rows.add(randomRow(random));
            }
            // Long enough for the Writer chain's own buffers to cut values, and pairs, at their edges.
            byte[] expected = viaWriter(rows);
            assertThat(expected.length).isGreaterThan(1 << 17);
            for (int size : BUFFER_SIZES) {
                assertThat(viaBuffer(rows, size)).as("batch %d, buffer of %d bytes", batch, size).isEqualTo(expected);
            }
        }
    }

    @Test
    void shouldQuoteTextDoubleQuotesAndLeaveNullsEmpty() throws IOException {
        Deal deal = minimalDeal();
        deal.put("deal_name", "say \"hi\", bye");
        deal.put("description", "");
        String csv = new String(viaBuffer(List.of(new DealRow("job", deal, List.of())), 32), StandardCharsets.UTF_8);

        assertThat(csv).contains(",\"deal-1\",\"say \"\"hi\"\", bye\",,").contains(",\"\",")
                .contains(",2024-06-01T00:00,").contains(",2024-07-01T12:30:05.120,")
                .endsWith(",\"scan-1\",\"org-1\"\n");
    }

    @Test
    void shouldEncodePairsInFourBytesAndLoneSurrogatesAsQuestionMarksAsTheJdkEncoderDid() throws IOException {
        Deal deal = minimalDeal();
        deal.put("deal_name", "\uD83D\uDE00|\uD83D|\uDE00|\uD83D");
        byte[] expected = viaWriter(List.of(new DealRow("job", deal, List.of())));
        String csv = new String(viaBuffer(List.of(new DealRow("job", deal, List.of())), 1 << 16),
                StandardCharsets.ISO_8859_1);

        assertThat(csv).contains(",\"\u00F0\u009F\u0098\u0080|?|?|?\",");
        assertThat(csv.getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(expected);
    }

    private static byte[] viaWriter(List<DealRow> rows) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), 1 << 16)) {
            for (DealRow row : rows) {
                WriterDealCsv.write(row, out);
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] viaBuffer(List<DealRow> rows, int size) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CsvCopyBuffer out = new CsvCopyBuffer(bytes, size);
        for (DealRow row : rows) {
            DealCsv.write(row, out);
        }
        out.flush();
        return bytes.toByteArray();
    }

    private static Deal minimalDeal() {
        Deal deal = new Deal();
        deal.put("organization_id", "org-1");
        deal.put("scan_id", "scan-1");
        deal.put("deal_id", "deal-1");
        deal.put("raw_properties", "{}");
        deal.put("extracted_at", Instant.parse("2024-06-01T00:00:00Z"));
        deal.put("close_date", Instant.parse("2024-07-01T12:30:05.120Z"));
        return deal;
    }

    /** Every field set or null at random, the required ones included: the writer must not care. */
    private static DealRow randomRow(Random random) {
        Deal deal = new Deal();
        for (String field : List.of("organization_id", "scan_id", "deal_id", "deal_name", "deal_stage", "pipeline",
                "deal_type", "hubspot_owner_id", "description", "analytics_source", "priority", "next_step",
                "raw_properties")) {
            deal.put(field, randomText(random));
        }
        for (String field : List.of("amount", "deal_stage_probability", "forecast_amount", "forecast_probability")) {
            deal.put(field, random.nextInt(5) == 0 ? null
                    : new BigDecimal(new BigInteger(random.nextInt(80) + 1, random), random.nextInt(12) - 4));
        }
        for (String field : List.of("close_date", "hubspot_created_at", "hubspot_updated_at", "extracted_at")) {
            // Years from 1 to past 9999; whole minutes and seconds, then milli-, micro- and nanoseconds.
            long second = random.nextLong(-62_000_000_000L, 400_000_000_000L);
            int nano = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            deal.put(field, random.nextInt(5) == 0 ? null
                    : Instant.ofEpochSecond(random.nextInt(3) == 0 ? second - second % 60 : second, nano));
        }
        deal.put("num_associated_contacts", random.nextInt(3) == 0 ? null : random.nextInt());
        deal.put("archived", random.nextBoolean());
        return new DealRow(randomText(random), deal, List.of());
    }

    /** Null, empty, random pieces, or (rarely) long text of any char at all, surrogates included. */
    private static String randomText(Random random) {
        int kind = random.nextInt(20);
        if (kind == 0) {
            return null;
        }
        if (kind == 1) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        if (kind == 2) {
            int length = random.nextInt(20_000);
            for (int i = 0; i < length; i++) {
                text.append((char) random.nextInt(Character.MAX_VALUE + 1));
            }
            return text.toString();
        }
        int pieces = kind == 3 ? random.nextInt(3_000) : random.nextInt(30);
        for (int i = 0; i < pieces; i++) {
            text.append(random.nextInt(4) == 0 ? PIECES[random.nextInt(PIECES.length)]
                    : String.valueOf((char) ('a' + random.nextInt(26))));
        }
        return text.toString();
    }
}
