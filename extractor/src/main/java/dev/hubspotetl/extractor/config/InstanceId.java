package dev.hubspotetl.extractor.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * This running instance's name, in its request producer's transactional id and its client ids:
 * {@code etl.extractor.instance-id}, or the host name plus a random suffix, so that two instances on
 * one host never share a transactional id.
 *
 * A configured id also makes the request consumer a static group member ({@code group.instance.id}):
 * a restarted instance then takes its partitions back at once instead of after the session timeout.
 *
 * @param value      the name
 * @param configured whether it was configured (stable across restarts) rather than generated
 */
record InstanceId(String value, boolean configured) {

    static InstanceId of(EtlProperties etl) {
        if (!etl.extractor().instanceId().isEmpty()) {
            return new InstanceId(etl.extractor().instanceId(), true);
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "extractor";
        }
        return new InstanceId(host + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()), false);
    }
}
