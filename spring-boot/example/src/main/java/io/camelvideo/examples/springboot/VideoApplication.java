package io.camelvideo.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application with the kling and legnext starters: the components are configured by
 * {@code camel.component.kling.*} in application.properties, and {@link PromptsToVideos} turns each
 * prompt file into a video named after it.
 */
@SpringBootApplication
public class VideoApplication {

    public static void main(String[] args) {
        SpringApplication.run(VideoApplication.class, args);
    }
}
