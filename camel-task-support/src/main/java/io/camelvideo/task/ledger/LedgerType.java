package io.camelvideo.task.ledger;

import javax.sql.DataSource;
import java.nio.file.Path;

/** The ledgers a component can be configured with by name. */
public enum LedgerType {
    /** In memory: pending tasks are lost on restart (default). */
    memory,
    /** A journal file in a directory: durable, for one instance. */
    file,
    /** A PostgreSQL table: durable, shared by several instances. */
    jdbc;

    /** Creates the ledger; {@code directory} is used by {@code file}, {@code dataSource} by {@code jdbc}. */
    public TaskLedger create(Path directory, DataSource dataSource) {
        return switch (this) {
            case memory -> new InMemoryTaskLedger();
            case file -> new FileTaskLedger(directory);
            case jdbc -> {
                if (dataSource == null) {
                    throw new IllegalArgumentException("ledger=jdbc needs ledgerDataSource (a javax.sql.DataSource bean)");
                }
                yield new JdbcTaskLedger(dataSource);
            }
        };
    }
}
