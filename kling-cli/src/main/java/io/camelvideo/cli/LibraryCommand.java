package io.camelvideo.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelvideo.kling.KlingConstants;
import io.camelvideo.kling.KlingKind;
import io.camelvideo.kling.model.KlingTask;
import org.apache.camel.Exchange;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code kling voice ...} and {@code kling element ...}: the account's own voices or elements (made by
 * a create task), Kling's presets, and deleting one. The subcommands are shared; the group names the kind.
 */
abstract class LibraryCommand implements Runnable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ParentCommand
    KlingCli cli;

    /** The kind this group is about: voice or element. */
    abstract KlingKind kind();

    /** The JSON name of a list of them: voices or elements. */
    final String plural() {
        return kind() + "s";
    }

    @Override
    public void run() {
        new CommandLine(this).usage(cli.out);
    }

    /** A subcommand of a library group. */
    abstract static class LibraryTask extends TaskCommand {

        @ParentCommand
        LibraryCommand library;

        @Override
        KlingCli cli() {
            return library.cli;
        }

        /** A voice or element as JSON, with the API's field names. */
        static Map<?, ?> json(Object item) {
            return MAPPER.convertValue(item, Map.class);
        }

        Map<String, Object> listed(List<?> items) {
            Map<String, Object> json = JsonOutput.success();
            json.put(library.plural(), items.stream().map(LibraryTask::json).toList());
            json.put("count", items.size());
            return json;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the account's own ones, newest first.")
    static final class ListOwn extends LibraryTask {
        @Option(names = {"-l", "--limit"}, defaultValue = "30", description = "How many tasks to read, 1-500 (default: ${DEFAULT-VALUE}).")
        int limit;
        @Option(names = {"-p", "--page"}, defaultValue = "1", description = "Page number (default: ${DEFAULT-VALUE}).")
        int page;

        @Override
        Object execute(KlingSession session) throws Exception {
            Exchange exchange = checked(session.request("kling:" + library.kind() + "?operation=list&pageNum=" + page
                    + "&pageSize=" + limit, null, Map.of(), null));
            List<Object> items = new ArrayList<>();
            for (Object task : exchange.getMessage().getBody(List.class)) {
                KlingTask made = (KlingTask) task;
                items.add(library.kind() == KlingKind.voice ? made.voice() : made.element());
            }
            return listed(items.stream().filter(Objects::nonNull).toList());
        }
    }

    @Command(name = "presets", mixinStandardHelpOptions = true, description = "List Kling's own (preset) ones.")
    static final class Presets extends LibraryTask {
        @Option(names = {"-l", "--limit"}, defaultValue = "30", description = "How many, 1-500 (default: ${DEFAULT-VALUE}).")
        int limit;
        @Option(names = {"-p", "--page"}, defaultValue = "1", description = "Page number (default: ${DEFAULT-VALUE}).")
        int page;

        @Override
        Object execute(KlingSession session) throws Exception {
            Exchange exchange = checked(session.request("kling:" + library.kind() + "?operation=presets&pageNum=" + page
                    + "&pageSize=" + limit, null, Map.of(), null));
            return listed(exchange.getMessage().getBody(List.class));
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete one of the account's own.")
    static final class Delete extends LibraryTask {
        @Parameters(index = "0", paramLabel = "<id>")
        String id;

        @Override
        Object execute(KlingSession session) throws Exception {
            String header = library.kind() == KlingKind.voice ? KlingConstants.CUSTOM_VOICE_ID : KlingConstants.ELEMENT_ID;
            Exchange exchange = checked(session.request("kling:" + library.kind() + "?operation=delete", null,
                    Map.of(header, id), null));
            Map<String, Object> json = JsonOutput.success();
            json.put(library.kind() + "_id", id);
            json.put("status", exchange.getMessage().getHeader(KlingConstants.TASK_STATUS));
            return json;
        }
    }
}
