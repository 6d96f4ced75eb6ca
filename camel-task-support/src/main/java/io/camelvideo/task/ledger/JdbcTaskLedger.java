package io.camelvideo.task.ledger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A ledger in a PostgreSQL table shared by several instances. Claims take due rows with
 * {@code FOR UPDATE SKIP LOCKED}, so instances split the work without waiting on each other; a
 * claim is a lease ({@code lease_owner}, {@code lease_until}) so the rows of an instance that died
 * come back after the lease. Delivery is {@code UPDATE ... WHERE state = 'FINISHED' AND lease_owner = ?}:
 * exactly one instance can mark a task delivered. Submit intents live in {@value #SUBMITS}; an
 * intent is one {@code INSERT ... ON CONFLICT}, so two instances with one key cannot both submit.
 * The places of an account's parallel-task window are rows of {@value #SLOTS}, taken under a
 * transaction-scoped advisory lock per account, so instances share one window.
 * The tables are created if missing.
 */
public final class JdbcTaskLedger implements TaskLedger {

    public static final String TABLE = "camel_task_ledger";
    /** The table of submit records (write-ahead intents and the tasks they created). */
    public static final String SUBMITS = TABLE + "_submit";
    /** The table of the places in each account's parallel-task window that instances hold. */
    public static final String SLOTS = TABLE + "_slot";
    /** The table of what each task cost, counted against its account's daily budget. */
    public static final String SPENDS = TABLE + "_spend";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String COLUMNS = "scope, task_id, external_id, submitted_at, headers, state, status, result, "
            + "next_check_at, checks, attempts";

    private final DataSource dataSource;

    public JdbcTaskLedger(DataSource dataSource) {
        this.dataSource = dataSource;
        execute("CREATE TABLE IF NOT EXISTS " + TABLE + " ("
                + "scope VARCHAR(200) NOT NULL, task_id VARCHAR(200) NOT NULL, external_id VARCHAR(200), "
                + "submitted_at BIGINT NOT NULL, headers TEXT, state VARCHAR(16) NOT NULL, status VARCHAR(64), "
                + "result TEXT, next_check_at BIGINT NOT NULL, checks INT NOT NULL DEFAULT 0, "
                + "lease_owner VARCHAR(200), lease_until BIGINT NOT NULL DEFAULT 0, PRIMARY KEY (scope, task_id))");
        // added in 0.3 (failed deliveries); a table made by an earlier version gets the column
        execute("ALTER TABLE " + TABLE + " ADD COLUMN IF NOT EXISTS attempts INT NOT NULL DEFAULT 0");
        execute("CREATE INDEX IF NOT EXISTS " + TABLE + "_due ON " + TABLE + " (scope, state, next_check_at)");
        execute("CREATE TABLE IF NOT EXISTS " + TABLE + "_watermark (scope VARCHAR(200) PRIMARY KEY, value BIGINT NOT NULL)");
        execute("CREATE TABLE IF NOT EXISTS " + SUBMITS + " (scope VARCHAR(200) NOT NULL, submit_key VARCHAR(200) NOT NULL, "
                + "state VARCHAR(16) NOT NULL, task_id VARCHAR(200), created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, "
                + "PRIMARY KEY (scope, submit_key))");
        execute("CREATE TABLE IF NOT EXISTS " + SLOTS + " (account VARCHAR(400) NOT NULL, holder VARCHAR(64) NOT NULL, "
                + "owner VARCHAR(200) NOT NULL, expires_at BIGINT NOT NULL, PRIMARY KEY (account, holder))");
        execute("CREATE TABLE IF NOT EXISTS " + SPENDS + " (account VARCHAR(400) NOT NULL, task_id VARCHAR(200) NOT NULL, "
                + "day BIGINT NOT NULL, amount DOUBLE PRECISION NOT NULL, PRIMARY KEY (account, task_id))");
    }

    @Override
    public boolean recordSpend(String account, String taskId, long day, double amount) {
        return update("INSERT INTO " + SPENDS + " (account, task_id, day, amount) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                account, taskId, day, amount) == 1;
    }

    @Override
    public double spent(String account, long day) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT COALESCE(SUM(amount), 0) FROM " + SPENDS + " WHERE account = ? AND day = ?")) {
            bind(statement, account, day);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getDouble(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read what " + account + " spent: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean takeSlot(String account, String holder, String owner, int limit, long now, long leaseUntil) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                    lock.setString(1, SLOTS + account);
                    lock.execute();
                }
                try (PreparedStatement expired = connection.prepareStatement(
                        "DELETE FROM " + SLOTS + " WHERE account = ? AND expires_at < ?")) {
                    bind(expired, account, now);
                    expired.executeUpdate();
                }
                long taken;
                try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM " + SLOTS + " WHERE account = ?")) {
                    count.setString(1, account);
                    try (ResultSet rows = count.executeQuery()) {
                        rows.next();
                        taken = rows.getLong(1);
                    }
                }
                boolean granted = taken < limit;
                if (granted) {
                    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + SLOTS
                            + " (account, holder, owner, expires_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                        bind(insert, account, holder, owner, leaseUntil);
                        insert.executeUpdate();
                    }
                }
                connection.commit();
                return granted;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take a parallel-task place in " + SLOTS + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void releaseSlot(String account, String holder) {
        update("DELETE FROM " + SLOTS + " WHERE account = ? AND holder = ?", account, holder);
    }

    @Override
    public void renewSlots(String owner, long leaseUntil) {
        update("UPDATE " + SLOTS + " SET expires_at = ? WHERE owner = ?", leaseUntil, owner);
    }

    @Override
    public boolean sharesSlots() {
        return true;
    }

    @Override
    public SubmitRecord intend(String scope, String key, long now) {
        // one statement: either this call inserts the intent (no row returned) or it touches the row already there
        String sql = "INSERT INTO " + SUBMITS + " AS s (scope, submit_key, state, created_at, updated_at) VALUES (?, ?, 'INTENDED', ?, ?) "
                + "ON CONFLICT (scope, submit_key) DO UPDATE SET updated_at = EXCLUDED.updated_at "
                + "RETURNING (xmax <> 0) AS existed, state, task_id, created_at, updated_at";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, scope, key, now, now);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next() || !rows.getBoolean(1)) {
                    return null;
                }
                return new SubmitRecord(scope, key, SubmitRecord.State.valueOf(rows.getString(2)), rows.getString(3),
                        rows.getLong(4), rows.getLong(5));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record the submit intent in " + SUBMITS + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void submitted(String scope, String key, String taskId, long now) {
        update("INSERT INTO " + SUBMITS + " (scope, submit_key, state, task_id, created_at, updated_at) VALUES (?, ?, 'CREATED', ?, ?, ?) "
                + "ON CONFLICT (scope, submit_key) DO UPDATE SET state = 'CREATED', task_id = EXCLUDED.task_id, "
                + "updated_at = EXCLUDED.updated_at", scope, key, taskId, now, now);
    }

    @Override
    public void forget(String scope, String key) {
        update("DELETE FROM " + SUBMITS + " WHERE scope = ? AND submit_key = ? AND state = 'INTENDED'", scope, key);
    }

    @Override
    public SubmitRecord submitRecord(String scope, String key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT state, task_id, created_at, updated_at FROM " + SUBMITS + " WHERE scope = ? AND submit_key = ?")) {
            bind(statement, scope, key);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? new SubmitRecord(scope, key, SubmitRecord.State.valueOf(rows.getString(1)),
                        rows.getString(2), rows.getLong(3), rows.getLong(4)) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read " + SUBMITS + ": " + e.getMessage(), e);
        }
    }

    @Override
    public long watermark(String scope, long initial) {
        update("INSERT INTO " + TABLE + "_watermark (scope, value) VALUES (?, ?) ON CONFLICT DO NOTHING", scope, initial);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT value FROM " + TABLE + "_watermark WHERE scope = ?")) {
            statement.setString(1, scope);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : initial;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the watermark of " + scope + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void advanceWatermark(String scope, long value) {
        update("UPDATE " + TABLE + "_watermark SET value = GREATEST(value, ?) WHERE scope = ?", value, scope);
    }

    @Override
    public void record(TrackedTask task) {
        update("INSERT INTO " + TABLE + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                task.scope(), task.taskId(), task.externalId(), task.submittedAt(), json(task.headers()),
                task.state().name(), task.status(), task.result(), task.nextCheckAt(), task.checks(), task.attempts());
    }

    @Override
    public List<TrackedTask> claimDue(String scope, long now, int max, long leaseMillis, String owner) {
        return claim(scope, TrackedTask.State.PENDING, now, max, leaseMillis, owner);
    }

    @Override
    public List<TrackedTask> claimFinished(String scope, long now, int max, long leaseMillis, String owner) {
        return claim(scope, TrackedTask.State.FINISHED, now, max, leaseMillis, owner);
    }

    private List<TrackedTask> claim(String scope, TrackedTask.State state, long now, int max, long leaseMillis, String owner) {
        String sql = "UPDATE " + TABLE + " SET lease_owner = ?, lease_until = ? WHERE (scope, task_id) IN ("
                + "SELECT scope, task_id FROM " + TABLE + " WHERE scope = ? AND state = ? AND next_check_at <= ? "
                + "AND lease_until < ? ORDER BY next_check_at LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING " + COLUMNS;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, owner, now + leaseMillis, scope, state.name(), now, now, max);
            List<TrackedTask> claimed = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    claimed.add(task(rows));
                }
            }
            return claimed;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot claim tasks from " + TABLE + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void reschedule(String scope, String taskId, String status, long nextCheckAt) {
        update("UPDATE " + TABLE + " SET status = ?, next_check_at = ?, checks = checks + 1, lease_owner = NULL, "
                + "lease_until = 0 WHERE scope = ? AND task_id = ? AND state = 'PENDING'", status, nextCheckAt, scope, taskId);
    }

    @Override
    public void finish(String scope, String taskId, String status, String result) {
        update("UPDATE " + TABLE + " SET state = 'FINISHED', status = ?, result = ?, next_check_at = 0, lease_owner = NULL, "
                + "lease_until = 0 WHERE scope = ? AND task_id = ? AND state = 'PENDING'", status, result, scope, taskId);
    }

    /** One UPDATE for the running tasks and one for the ended ones, each over arrays of the rows' values. */
    @Override
    public void recordChecks(String scope, List<CheckOutcome> outcomes) {
        List<CheckOutcome> running = outcomes.stream().filter(o -> !o.ended()).toList();
        List<CheckOutcome> ended = outcomes.stream().filter(CheckOutcome::ended).toList();
        try (Connection connection = dataSource.getConnection()) {
            if (!running.isEmpty()) {
                updateRows(connection, "UPDATE " + TABLE + " AS t SET status = v.status, next_check_at = v.next_check_at, "
                        + "checks = t.checks + 1, lease_owner = NULL, lease_until = 0 "
                        + "FROM unnest(?::varchar[], ?::varchar[], ?::bigint[]) AS v(task_id, status, next_check_at) "
                        + "WHERE t.scope = ? AND t.task_id = v.task_id AND t.state = 'PENDING'",
                        scope, running, "bigint", running.stream().map(CheckOutcome::nextCheckAt).toArray());
            }
            if (!ended.isEmpty()) {
                updateRows(connection, "UPDATE " + TABLE + " AS t SET state = 'FINISHED', status = v.status, result = v.result, "
                        + "next_check_at = 0, lease_owner = NULL, lease_until = 0 "
                        + "FROM unnest(?::varchar[], ?::varchar[], ?::text[]) AS v(task_id, status, result) "
                        + "WHERE t.scope = ? AND t.task_id = v.task_id AND t.state = 'PENDING'",
                        scope, ended, "text", ended.stream().map(CheckOutcome::result).toArray());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Task ledger update failed on " + TABLE + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code sql} with the outcomes' task ids, statuses and one more column ({@code values} of {@code type}) as arrays. */
    private static void updateRows(Connection connection, String sql, String scope, List<CheckOutcome> outcomes, String type,
                                   Object[] values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("varchar", outcomes.stream().map(CheckOutcome::taskId).toArray()));
            statement.setArray(2, connection.createArrayOf("varchar", outcomes.stream().map(CheckOutcome::status).toArray()));
            statement.setArray(3, connection.createArrayOf(type, values));
            statement.setString(4, scope);
            statement.executeUpdate();
        }
    }

    @Override
    public boolean markDelivered(String scope, String taskId, String owner) {
        return update("UPDATE " + TABLE + " SET state = 'DELIVERED', lease_owner = NULL, lease_until = 0 "
                + "WHERE scope = ? AND task_id = ? AND state = 'FINISHED' AND lease_owner = ?", scope, taskId, owner) == 1;
    }

    @Override
    public boolean markDead(String scope, String taskId, String owner) {
        return update("UPDATE " + TABLE + " SET state = 'DEAD', lease_owner = NULL, lease_until = 0 "
                + "WHERE scope = ? AND task_id = ? AND state = 'FINISHED' AND lease_owner = ?", scope, taskId, owner) == 1;
    }

    @Override
    public void releaseDelivery(String scope, String taskId, long retryAt) {
        update("UPDATE " + TABLE + " SET next_check_at = ?, attempts = attempts + 1, lease_owner = NULL, lease_until = 0 "
                + "WHERE scope = ? AND task_id = ? AND state = 'FINISHED'", retryAt, scope, taskId);
    }

    @Override
    public TrackedTask find(String scope, String taskId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT " + COLUMNS + " FROM " + TABLE + " WHERE scope = ? AND task_id = ?")) {
            bind(statement, scope, taskId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? task(rows) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read " + TABLE + ": " + e.getMessage(), e);
        }
    }

    private static TrackedTask task(ResultSet rows) throws SQLException {
        return new TrackedTask(rows.getString(1), rows.getString(2), rows.getString(3), rows.getLong(4),
                headers(rows.getString(5)), TrackedTask.State.valueOf(rows.getString(6)), rows.getString(7),
                rows.getString(8), rows.getLong(9), rows.getInt(10), rows.getInt(11));
    }

    @Override
    public void releaseClaims(String scope, String owner) {
        update("UPDATE " + TABLE + " SET lease_owner = NULL, lease_until = 0 WHERE scope = ? AND lease_owner = ? "
                + "AND state <> 'DELIVERED'", scope, owner);
    }

    @Override
    public Map<TrackedTask.State, Long> counts(String scope) {
        Map<TrackedTask.State, Long> counts = new EnumMap<>(TrackedTask.State.class);
        for (TrackedTask.State state : TrackedTask.State.values()) {
            counts.put(state, 0L);
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT state, COUNT(*) FROM " + TABLE + " WHERE scope = ? GROUP BY state")) {
            statement.setString(1, scope);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(TrackedTask.State.valueOf(rows.getString(1)), rows.getLong(2));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count tasks in " + TABLE + ": " + e.getMessage(), e);
        }
    }

    private int update(String sql, Object... values) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, values);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Task ledger update failed on " + TABLE + ": " + e.getMessage(), e);
        }
    }

    private void execute(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the task ledger table " + TABLE + ": " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
    }

    private static String json(Map<String, String> headers) {
        try {
            return MAPPER.writeValueAsString(headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> headers(String json) {
        try {
            return json == null ? Map.of() : MAPPER.readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
