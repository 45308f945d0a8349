package dev.hubspotetl.api.deals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CsvLinesTest {

    @Test
    void shouldQuoteOnlyFieldsThatNeedItAndDoubleTheirQuotes() throws IOException {
        StringWriter out = new StringWriter();

        CsvLines.write(out, Arrays.asList("plain", "a,b", "say \"hi\"", "two\r\nlines", "lf\nonly", null, "", "ünï"));

        assertThat(out.toString())
                .isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\",\"lf\nonly\",,,ünï\r\n");
    }

    @Test
    void shouldWriteTheHeaderInTheOrderOfTheValues() {
        DealView deal = new DealView("id", "d", "n", null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, true, null, null);

        assertThat(DealView.CSV_HEADER).hasSize(deal.csvValues().size());
        assertThat(DealView.CSV_HEADER.get(1)).isEqualTo("deal_id");
        assertThat(deal.csvValues().get(DealView.CSV_HEADER.indexOf("archived"))).isEqualTo("true");
        assertThat(deal.csvValues().get(DealView.CSV_HEADER.indexOf("deal_name"))).isEqualTo("n");
    }
}
