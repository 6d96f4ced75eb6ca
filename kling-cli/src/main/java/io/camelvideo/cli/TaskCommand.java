package io.camelvideo.cli;

import io.camelvideo.kling.model.KlingTask;
import org.apache.camel.Exchange;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.Callable;

/** What every command shares: a session on the {@code kling:} component, the JSON answer or error, the exit code. */
abstract class TaskCommand implements Callable<Integer> {

    /** The tool the command runs in (its environment and streams). */
    abstract KlingCli cli();

    abstract Object execute(KlingSession session) throws Exception;

    @Override
    public Integer call() {
        KlingCli cli = cli();
        try (KlingSession session = new KlingSession(cli.env)) {
            JsonOutput.print(cli.out, execute(session));
            return 0;
        } catch (Exception e) {
            return JsonOutput.error(cli.out, e);
        }
    }

    /** The exchange's answer, or its exception thrown. */
    static Exchange checked(Exchange exchange) throws Exception {
        if (exchange.getException() != null) {
            throw exchange.getException();
        }
        return exchange;
    }

    /** Creates a task; with {@code wait}, waits for it (progress on stderr) and answers its final status. */
    Map<String, Object> submitted(KlingSession session, String uri, Map<String, Object> fields, boolean wait) throws Exception {
        Exchange exchange = checked(session.request(uri + (wait ? "&waitForCompletion=true" : ""), fields, Map.of(),
                wait ? cli().err : null));
        KlingTask task = exchange.getMessage().getBody(KlingTask.class);
        if (wait) {
            return JsonOutput.task(task, true);
        }
        Map<String, Object> json = JsonOutput.success();
        json.put("task_id", task.taskId());
        json.put("status", task.taskStatus());
        return json;
    }

    /** An http(s) URL as it is, or a file's content as Base64 (how the API takes an image or a sound). */
    static String fileOrUrl(String name, String value) throws java.io.IOException {
        if (value.startsWith("http://") || value.startsWith("https://")) {
            return value;
        }
        Path file = Path.of(value);
        if (!Files.isRegularFile(file)) {
            throw new CliException("invalid_argument", name + ": no such file '" + value + "' (give a file or an http(s) URL)");
        }
        return Base64.getEncoder().encodeToString(Files.readAllBytes(file));
    }

    static void putIf(Map<String, Object> fields, String name, Object value) {
        if (value != null) {
            fields.put(name, value);
        }
    }
}
