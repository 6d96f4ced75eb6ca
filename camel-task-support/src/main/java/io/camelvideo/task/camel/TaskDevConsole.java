package io.camelvideo.task.camel;

import org.apache.camel.support.console.AbstractDevConsole;

import java.util.List;
import java.util.Map;

/**
 * A component's dev console (Camel's {@code /q/dev}, {@code camel get}, the developer console of
 * JBang): its ledger, accounts with their waiting tasks and throttling pauses, and the ledger counts of
 * every endpoint's tasks, as text and as JSON. Each component registers a subclass under its scheme.
 */
public abstract class TaskDevConsole extends AbstractDevConsole {

    private final String scheme;

    protected TaskDevConsole(String scheme, String displayName, String description) {
        super("camel", scheme, displayName, description);
        this.scheme = scheme;
    }

    private Map<String, Object> status() {
        return getCamelContext().hasComponent(scheme) instanceof RemoteTaskComponent component ? component.status() : null;
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        Map<String, Object> status = status();
        if (status == null) {
            return "The " + scheme + " component is not in use.";
        }
        StringBuilder text = new StringBuilder();
        text.append("Ledger: ").append(status.get("ledger")).append('\n');
        for (Object account : (List<?>) status.get("accounts")) {
            Map<?, ?> a = (Map<?, ?>) account;
            text.append("Account ").append(a.get("account")).append(": ").append(a.get("waitingTasks")).append(" task(s) waited for")
                    .append((Long) a.get("throttledForMillis") > 0 ? ", throttled for " + a.get("throttledForMillis") + " ms" : "")
                    .append('\n');
        }
        for (Object scope : (List<?>) status.get("tasks")) {
            Map<?, ?> s = (Map<?, ?>) scope;
            text.append("Tasks of ").append(s.get("scope")).append(":");
            s.forEach((key, value) -> {
                if (!"scope".equals(key)) {
                    text.append(' ').append(key).append('=').append(value);
                }
            });
            text.append('\n');
        }
        return text.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        Map<String, Object> status = status();
        return status != null ? status : Map.of("scheme", scheme, "inUse", false);
    }
}
