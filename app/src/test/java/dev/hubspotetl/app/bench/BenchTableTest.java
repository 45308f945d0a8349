package dev.hubspotetl.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchTableTest {

    @Test
    void shouldShowEveryFigureWithItsGoal() {
        String table = BenchTable.render(BenchResultTest.result(2_000, 3_600, 4_000, 0.97, 0));
        assertThat(table).contains("Benchmark of 20,000 deals", "2 cores", "Java 17.0.9", "Linux 6.1 amd64");
        assertThat(table).containsPattern("end-to-end\\s+2,000\\s+50\\.0 %");
        assertThat(table).containsPattern("loader \\(in the pipeline\\)\\s+1,800\\s+45\\.0 %");
        assertThat(table).containsPattern("loader alone \\(own JVM\\)\\s+3,600\\s+90\\.0 %");
        assertThat(table).contains("measured on a second scan of the same deals");
        assertThat(table).containsPattern("database ceiling\\s+4,000");
        assertThat(table).containsPattern("extractor\\s+9,000");
        assertThat(table).containsPattern("transformer\\s+8,000");
        assertThat(table).containsPattern("HubSpot budget used\\s+97\\.0 %");
        assertThat(table).containsPattern("429 answers\\s+0");
        assertThat(table).containsPattern("peak heap, pipeline JVM\\s+300 MB");
        assertThat(table).containsPattern("peak heap, loader alone\\s+200 MB of 256m");
        assertThat(table).containsPattern("transformer alone \\(own JVM\\)\\s+12,000");
        assertThat(table).containsPattern("peak heap, transformer alone\\s+150 MB of 256m");
        assertThat(table).containsPattern("extractor alone \\(own JVM\\)\\s+11,000");
        assertThat(table).containsPattern("peak heap, extractor alone\\s+120 MB of 256m");
        assertThat(table).containsPattern("end-to-end / ceiling\\s+>= 50 %\\s+50\\.0 %\\s+met");
        assertThat(table).containsPattern("HubSpot budget used, 429s\\s+>= 95 %, 0\\s+97\\.0 %, 0\\s+met");
        assertThat(table).containsPattern("loader alone / ceiling\\s+>= 90 %\\s+90\\.0 %\\s+met");
        assertThat(table).containsPattern("loader heap\\s+<= 256 MB\\s+200 MB\\s+met");
    }

    @Test
    void shouldSayNotMetWhenAGoalIsMissed() {
        String table = BenchTable.render(BenchResultTest.result(1_000, 3_000, 4_000, 0.99, 3));
        assertThat(table).containsPattern("end-to-end / ceiling\\s+>= 50 %\\s+25\\.0 %\\s+NOT met");
        assertThat(table).containsPattern("99\\.0 %, 3\\s+NOT met");
    }
}
