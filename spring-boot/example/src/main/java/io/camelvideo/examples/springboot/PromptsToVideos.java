package io.camelvideo.examples.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Each prompt file becomes a video of the same name: prompts/fox.txt -> videos/fox.mp4. */
@Component
public class PromptsToVideos extends RouteBuilder {

    @Override
    public void configure() {
        from("file:{{video.prompts}}?include=.*\\.txt").routeId("prompts-to-videos")
                .to("kling:text2video?waitForCompletion=true&download=true")
                .to("file:{{video.videos}}?fileName=${file:onlyname.noext}.mp4")
                .log("${file:onlyname.noext}.mp4: task ${header.CamelKlingTaskId}, ${header.Content-Length} bytes");
    }
}
