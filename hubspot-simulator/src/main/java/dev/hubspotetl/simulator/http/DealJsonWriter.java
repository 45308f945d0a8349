package dev.hubspotetl.simulator.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.hubspotetl.simulator.HubSpotTime;
import dev.hubspotetl.simulator.SimulatedDeal;
import dev.hubspotetl.simulator.dataset.Snapshot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Writes deals in the shape of HubSpot's v3 objects API. Streaming, not data binding: the list
 * endpoint must serve 100,000+ deals per second without becoming a pipeline's bottleneck.
 */
final class DealJsonWriter {

    private interface Body {
        void write(JsonGenerator out) throws IOException;
    }

    private static final byte[] RESULTS_OPEN = "{\"results\":[".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PAGING_OPEN = ",\"paging\":".getBytes(StandardCharsets.UTF_8);

    private final JsonFactory factory;

    DealJsonWriter(JsonFactory factory) {
        this.factory = factory;
    }

    /**
     * {@code {"results":[...],"paging":{"next":{"after","link"}}}}; no paging on the last page.
     * Assembled from each deal's rendered bytes, taken from {@code slots} when present there.
     */
    byte[] listPage(Snapshot.ListPage page, DealView view, AtomicReferenceArray<byte[]> slots, String nextLink) {
        List<SimulatedDeal> deals = page.deals();
        byte[][] rendered = new byte[deals.size()][];
        int size = RESULTS_OPEN.length + deals.size() + 2;
        for (int i = 0; i < rendered.length; i++) {
            byte[] bytes = slots == null ? null : slots.get(page.start() + i);
            if (bytes == null) {
                bytes = deal(deals.get(i), view);
                if (slots != null) {
                    slots.set(page.start() + i, bytes);
                }
            }
            rendered[i] = bytes;
            size += bytes.length;
        }
        byte[] paging = page.nextAfter() == null ? new byte[0] : paging(page.nextAfter(), nextLink);
        ByteArrayOutputStream body = new ByteArrayOutputStream(size + paging.length);
        body.writeBytes(RESULTS_OPEN);
        for (int i = 0; i < rendered.length; i++) {
            if (i > 0) {
                body.write(',');
            }
            body.writeBytes(rendered[i]);
        }
        body.write(']');
        body.writeBytes(paging);
        body.write('}');
        return body.toByteArray();
    }

    private byte[] paging(String after, String link) {
        return render(0, out -> {
            out.writeStartObject();
            out.writeObjectFieldStart("next");
            out.writeStringField("after", after);
            out.writeStringField("link", link);
            out.writeEndObject();
            out.writeEndObject();
        }, PAGING_OPEN);
    }

    /** {@code {"total":n,"results":[...],"paging":{"next":{"after"}}}}. */
    byte[] searchPage(long total, List<SimulatedDeal> deals, DealView view, String nextAfter) {
        return render(deals.size(), out -> {
            out.writeStartObject();
            out.writeNumberField("total", total);
            writeResults(out, deals, view);
            if (nextAfter != null) {
                out.writeObjectFieldStart("paging");
                out.writeObjectFieldStart("next");
                out.writeStringField("after", nextAfter);
                out.writeEndObject();
                out.writeEndObject();
            }
            out.writeEndObject();
        });
    }

    byte[] deal(SimulatedDeal deal, DealView view) {
        return render(1, out -> writeDeal(out, deal, view));
    }

    private void writeResults(JsonGenerator out, List<SimulatedDeal> deals, DealView view) throws IOException {
        out.writeArrayFieldStart("results");
        for (SimulatedDeal deal : deals) {
            writeDeal(out, deal, view);
        }
        out.writeEndArray();
    }

    private static void writeDeal(JsonGenerator out, SimulatedDeal deal, DealView view) throws IOException {
        out.writeStartObject();
        out.writeStringField("id", deal.id());
        out.writeObjectFieldStart("properties");
        Map<String, String> values = deal.properties();
        for (String name : view.properties()) {
            String value = values.get(name);
            if (value == null) {
                out.writeNullField(name);
            } else {
                out.writeStringField(name, value);
            }
        }
        out.writeEndObject();
        out.writeStringField("createdAt", HubSpotTime.format(deal.createdAt()));
        out.writeStringField("updatedAt", HubSpotTime.format(deal.updatedAt()));
        out.writeBooleanField("archived", deal.archived());
        if (deal.archived()) {
            out.writeStringField("archivedAt", HubSpotTime.format(deal.archivedAt()));
        }
        // HubSpot leaves "associations" out entirely when there are none.
        if (view.contacts() && !deal.contactIds().isEmpty()) {
            out.writeObjectFieldStart("associations");
            out.writeObjectFieldStart("contacts");
            out.writeArrayFieldStart("results");
            for (String contactId : deal.contactIds()) {
                out.writeStartObject();
                out.writeStringField("id", contactId);
                out.writeStringField("type", "deal_to_contact");
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
            out.writeEndObject();
        }
        out.writeEndObject();
    }

    private byte[] render(int deals, Body body) {
        return render(deals, body, new byte[0]);
    }

    private byte[] render(int deals, Body body, byte[] prefix) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + deals * 640);
        bytes.writeBytes(prefix);
        try (JsonGenerator out = factory.createGenerator(bytes)) {
            body.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a deals answer", e);
        }
        return bytes.toByteArray();
    }
}
