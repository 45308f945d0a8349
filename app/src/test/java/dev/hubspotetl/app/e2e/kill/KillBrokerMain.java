package dev.hubspotetl.app.e2e.kill;

import dev.hubspotetl.app.embedded.EmbeddedKafkaBroker;
import java.nio.file.Path;

/**
 * The app's embedded KRaft broker as a process of its own, so that a test can kill it with SIGKILL
 * and start it again on the same port and log directory. Arguments: log directory, port.
 */
public final class KillBrokerMain {

    private KillBrokerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(Path.of(args[0]), Integer.parseInt(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
        System.out.println("BROKER STARTED " + broker.bootstrapServers());
        Thread.currentThread().join();
    }
}
