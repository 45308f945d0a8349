package dev.hubspotetl.loader.deals;

import java.sql.SQLException;
import org.springframework.dao.TransientDataAccessResourceException;

/** A batch could not be loaded for a reason outside its rows: it is rolled back and retried. */
final class DealLoadException extends TransientDataAccessResourceException {

    DealLoadException(String message, SQLException cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
