package dev.hubspotetl.api.it;

import static dev.hubspotetl.api.it.ApiTestEnvironment.ORG_A;

import dev.hubspotetl.loader.scans.ScanJobRepository;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Ten deals of one completed scan, chosen for the deal query tests: wildcards, quotes, backslashes,
 * unicode and SQL in names and descriptions, null amounts, owners, stages and close dates, an archived
 * deal, and a second scan of the same organization whose deals must never show.
 */
final class SeededDeals {

    static final String SCAN = "deals-main";
    static final String DEALS = "/api/v1/scans/" + SCAN + "/deals";
    static final String HOSTILE = "'; DROP TABLE hubspot_deals; --";
    static final int COUNT = 10;

    private static boolean seeded;

    private SeededDeals() {
    }

    static synchronized void ensureSeeded() {
        if (seeded) {
            return;
        }
        JdbcTemplate db = new JdbcTemplate(ApiTestEnvironment.get().dataSource);
        ScanFixture.scan(SCAN, ORG_A).status("completed").counts(COUNT, COUNT, 0).insert(db);
        deal("d01", "Website Redesign", "New website for ACME", "1500.00", "presentationscheduled", "default",
                "owner-1", "2024-02-15T00:00").raw("{\n  \"dealname\": \"Website Redesign\",\n  \"custom_x\": \"1\"\n}")
                .insert(db);
        deal("d02", "Enterprise Software License", "Multi-year, \"gold\" tier\r\nrenewal", "5000.00", "qualifiedtobuy",
                "default", "owner-2", "2024-03-01T00:00").insert(db);
        deal("d03", "Mobile App Development", null, "25000.00", "contractsent", "enterprise", "owner-1",
                "2024-12-31T18:00").insert(db);
        deal("d04", "100% Discount_Deal", "literal percent and underscore", "10.00", "closedwon", "default", "owner-2",
                "2025-01-01T00:00").insert(db);
        deal("d05", "Archived deal", "old", "99.99", "closedwon", "default", "owner-1", "2024-06-01T00:00")
                .archived(true).insert(db);
        deal("d06", "No amount deal", "nothing yet", null, "closedwon", "enterprise", null, null).insert(db);
        deal("d07", "Path C:\\temp\\file", "backslash", "1.00", null, "default", "owner-3", "2023-05-05T00:00")
                .insert(db);
        deal("d08", "Ünïcødé Déal 🚀", "ÄÖÜ", "42.00", "closedwon", "default", "owner-3", "2024-07-07T00:00").insert(db);
        deal("d09", "O'Brien renewal", "the text " + HOSTILE + " appears here", "7.00", "appointmentscheduled",
                "default", "owner-2", "2022-01-01T00:00").insert(db);
        deal("d10", "1000 Discount Deal", "plain", "1000.00", "qualifiedtobuy", "default", "owner-2",
                "2026-01-01T00:00").insert(db);
        // Another scan of the same organization: its deals must never show in deals-main.
        ScanFixture.scan("deals-other", ORG_A).status("completed").insert(db);
        DealFixture.deal("deals-other", ORG_A, "d01").name("Website Redesign").amount("1.00").stage("closedwon")
                .insert(db);
        seeded = true;
    }

    private static DealFixture deal(String id, String name, String description, String amount, String stage,
                                    String pipeline, String owner, String close) {
        return DealFixture.deal(SCAN, ORG_A, id).name(name).description(description).amount(amount).stage(stage)
                .pipeline(pipeline).owner(owner).close(close);
    }

    /** The deal ids in the order PostgreSQL gives for the seed's query with this ORDER BY (deal_id breaks ties). */
    static List<String> seedOrder(JdbcTemplate jdbc, String orderBy) {
        String direction = orderBy.substring(orderBy.lastIndexOf(' ') + 1);
        return jdbc.queryForList("SELECT deal_id FROM hubspot_deals WHERE scan_job_id = ? ORDER BY " + orderBy
                + ", deal_id " + direction, String.class, ScanJobRepository.jobId(SCAN));
    }
}
