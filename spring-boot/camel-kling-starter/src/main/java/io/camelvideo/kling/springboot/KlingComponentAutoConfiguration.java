package io.camelvideo.kling.springboot;

import io.camelvideo.kling.KlingComponent;
import io.camelvideo.springboot.ComponentPropertiesCustomizer;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Spring Boot auto-configuration of the {@code kling:} component: every {@code camel.component.kling.*}
 * property sets the option of that name (IDE completion from the starter's configuration metadata);
 * {@code camel.component.kling.enabled=false} turns it off.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@ConditionalOnProperty(prefix = "camel.component.kling", name = "enabled", matchIfMissing = true)
public class KlingComponentAutoConfiguration {

    @Bean
    public ComponentCustomizer configureKlingComponent(Environment environment) {
        return new ComponentPropertiesCustomizer("kling", KlingComponent.class, environment);
    }
}
