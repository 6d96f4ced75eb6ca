package io.camelvideo.cli;

import io.camelvideo.kling.KlingKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code kling element create|list|presets|delete}: elements (characters, objects) for omni-video and image2video. */
@Command(name = "element", mixinStandardHelpOptions = true, description = "Elements: create, list, presets, delete.",
         subcommands = {ElementCommand.Create.class, LibraryCommand.ListOwn.class, LibraryCommand.Presets.class,
                        LibraryCommand.Delete.class})
final class ElementCommand extends LibraryCommand {

    @Override
    KlingKind kind() {
        return KlingKind.element;
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
             description = "Make a multi-image element from a front view and one to three other views.")
    static final class Create extends LibraryTask {
        @Option(names = "--name", required = true, description = "The element's name (at most 20 characters).")
        String name;
        @Option(names = "--description", required = true, description = "What it is (at most 100 characters).")
        String description;
        @Option(names = "--front", required = true, description = "The front view: an image file or an http(s) URL.")
        String front;
        @Option(names = "--refer", description = "Another view (repeatable, 1-3): an image file or an http(s) URL.")
        List<String> refer;
        @Option(names = "--wait", description = "Wait for the element (progress on stderr); the answer then has element_id.")
        boolean waitForIt;

        @Override
        Object execute(KlingSession session) throws Exception {
            List<Map<String, Object>> views = new ArrayList<>();
            for (String view : refer == null ? List.<String>of() : refer) {
                views.add(Map.of("image_url", fileOrUrl("refer", view)));
            }
            Map<String, Object> images = new LinkedHashMap<>();
            images.put("frontal_image", fileOrUrl("front", front));
            images.put("refer_images", views);
            Map<String, Object> fields = new HashMap<>();
            fields.put("elementName", name);
            fields.put("elementDescription", description);
            fields.put("referenceType", "image_refer");
            fields.put("element_image_list", images);
            return submitted(session, "kling:element?trackTasks=false", fields, waitForIt);
        }
    }
}
