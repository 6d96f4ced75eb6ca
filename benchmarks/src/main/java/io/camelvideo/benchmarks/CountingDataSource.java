package io.camelvideo.benchmarks;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

/** A DataSource that counts the SQL statements run through it (each execute call; a batch counts its rows). */
final class CountingDataSource {

    private final AtomicLong statements = new AtomicLong();
    private final DataSource counted;

    CountingDataSource(DataSource target) {
        this.counted = proxy(DataSource.class, target, (result, method) -> result instanceof Connection connection
                ? proxy(Connection.class, connection, this::countStatements) : result);
    }

    DataSource dataSource() {
        return counted;
    }

    long statements() {
        return statements.get();
    }

    private Object countStatements(Object result, java.lang.reflect.Method method) {
        if (result instanceof java.sql.PreparedStatement prepared) {
            return proxy(java.sql.PreparedStatement.class, prepared, this::onExecute);
        }
        if (result instanceof Statement statement) {
            return proxy(Statement.class, statement, this::onExecute);
        }
        return result;
    }

    private Object onExecute(Object result, java.lang.reflect.Method method) {
        if (method.getName().equals("executeBatch") && result instanceof int[] rows) {
            statements.addAndGet(rows.length);
        } else if (method.getName().startsWith("execute")) {
            statements.incrementAndGet();
        }
        return result;
    }

    /** Wraps {@code target}; {@code after} sees (and may wrap) what each call returns. */
    private static <T> T proxy(Class<T> type, T target, java.util.function.BiFunction<Object, java.lang.reflect.Method, Object> after) {
        InvocationHandler handler = (self, method, args) -> {
            try {
                return after.apply(method.invoke(target, args), method);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
