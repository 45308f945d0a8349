package dev.hubspotetl.loader.schema;

import dev.hubspotetl.testsupport.SharedPostgres;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** A fresh database of the shared PostgreSQL with the loader's migrations applied. */
final class MigratedDatabase {

    private MigratedDatabase() {
    }

    static DataSource create(String name) {
        DataSource dataSource = SharedPostgres.server().dataSource(SharedPostgres.newDatabase(name));
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }
}
