package io.camelvideo.task.testing;

import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The PostgreSQL that .ci/run starts (PG_JDBC_URL or PGHOST/PGPORT/PGDATABASE, PGUSER/PGPASSWORD).
 * Without one the tests are skipped on a developer machine, and fail under CI=true.
 */
public final class PostgresSupport {

    private PostgresSupport() {
    }

    public static String jdbcUrl() {
        String url = System.getenv("PG_JDBC_URL");
        if (url != null && !url.isBlank()) {
            return url;
        }
        String host = System.getenv("PGHOST");
        if (host == null || host.isBlank()) {
            return null;
        }
        return "jdbc:postgresql://" + host + ":" + System.getenv().getOrDefault("PGPORT", "5432") + "/"
                + System.getenv().getOrDefault("PGDATABASE", System.getenv().getOrDefault("PGUSER", "postgres"));
    }

    /** Call first in a {@code @BeforeEach}. */
    public static void requirePostgres() {
        String url = jdbcUrl();
        if (url == null && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true but no PostgreSQL is configured: set PG_JDBC_URL or PGHOST/PGPORT/PGUSER/PGPASSWORD/PGDATABASE");
        }
        assumeTrue(url != null, "no PostgreSQL configured (PG_JDBC_URL/PGHOST unset): skipping; `bash .ci/run` starts one");
    }

    public static DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl());
        dataSource.setUser(System.getenv("PGUSER"));
        dataSource.setPassword(System.getenv("PGPASSWORD"));
        dataSource.setConnectTimeout(10);
        dataSource.setSocketTimeout(60);
        return dataSource;
    }

    /**
     * A pooled DataSource, as an application would configure it: the ledger takes a connection per call,
     * and opening one (with SCRAM authentication) costs tens of milliseconds.
     */
    public static com.zaxxer.hikari.HikariDataSource pooledDataSource() {
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        config.setJdbcUrl(jdbcUrl());
        config.setUsername(System.getenv("PGUSER"));
        config.setPassword(System.getenv("PGPASSWORD"));
        config.setMaximumPoolSize(8);
        return new com.zaxxer.hikari.HikariDataSource(config);
    }

    public static void clear(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS camel_task_ledger");
            statement.execute("DROP TABLE IF EXISTS camel_task_ledger_watermark");
            statement.execute("DROP TABLE IF EXISTS camel_task_ledger_submit");
            statement.execute("DROP TABLE IF EXISTS camel_task_ledger_slot");
            statement.execute("DROP TABLE IF EXISTS camel_task_ledger_spend");
        }
    }
}
