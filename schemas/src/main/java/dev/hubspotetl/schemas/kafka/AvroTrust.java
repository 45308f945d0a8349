package dev.hubspotetl.schemas.kafka;

import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;

/**
 * Avro 1.12 instantiates only classes from trusted packages when it decodes into generated classes.
 * The system property {@code org.apache.avro.SERIALIZABLE_PACKAGES} is read once, when Avro's
 * validator class loads, which may already have happened; so the contract package is added to the
 * global validator as well, and every serde calls {@link #trustContractPackage()} before decoding.
 */
public final class AvroTrust {

    /** The namespace of every contract record. */
    public static final String CONTRACT_PACKAGE = "dev.hubspotetl.schemas";

    private static final String PROPERTY = "org.apache.avro.SERIALIZABLE_PACKAGES";
    private static volatile boolean installed;

    private AvroTrust() {
    }

    /** Idempotent; cheap after the first call. */
    public static void trustContractPackage() {
        if (installed) {
            return;
        }
        synchronized (AvroTrust.class) {
            if (installed) {
                return;
            }
            String current = System.getProperty(PROPERTY);
            if (current == null || current.isBlank()) {
                System.setProperty(PROPERTY, CONTRACT_PACKAGE);
            } else if (!current.contains(CONTRACT_PACKAGE)) {
                System.setProperty(PROPERTY, current + "," + CONTRACT_PACKAGE);
            }
            ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
            ClassSecurityPredicate contract = type -> type.getPackageName().equals(CONTRACT_PACKAGE);
            ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(previous, contract));
            installed = true;
        }
    }
}
